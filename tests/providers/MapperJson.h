#pragma once

// The provider mapper tests write their wire samples as JSON text; parse() turns one into the object a
// mapper reads, and stops the test run when a sample itself is broken (a typo in a test, not a finding).

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtGlobal>

namespace trunkline::test {

inline QJsonObject parse(const QByteArray& json) {
    QJsonParseError error{};
    const QJsonDocument document = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("test JSON does not parse: %s", qPrintable(error.errorString()));
    return document.object();
}

} // namespace trunkline::test
