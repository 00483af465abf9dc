#pragma once

#include <QEventLoop>
#include <functional>
#include <optional>

namespace trunkline::cli {

// Starts an asynchronous call with a callback and waits in a local event loop until the callback runs:
// a command is a sequential script over the asynchronous provider clients.
template <typename T>
T awaitResult(const std::function<void(std::function<void(const T&)>)>& start) {
    QEventLoop loop;
    std::optional<T> result;
    start([&](const T& value) {
        result = value;
        loop.quit();
    });
    if (!result)
        loop.exec();
    return *result;
}

} // namespace trunkline::cli
