#pragma once

#include "net/ApiError.h"
#include "net/HttpExchange.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <optional>

namespace trunkline::net {

// What a provider call ended with: the answer, or a typed error. attempts counts every send.
struct ApiResult {
    int httpStatus = 0;
    QByteArray body;
    RawHeaders headers;
    std::optional<ApiError> error;
    int attempts = 0;
    // The body as parsed by ApiClient when it checked a JSON answer (so a page is parsed once, not twice).
    QJsonDocument document;

    bool ok() const { return !error.has_value(); }
    QJsonDocument json() const { return document.isNull() ? QJsonDocument::fromJson(body) : document; }
    QByteArray header(const QByteArray& name) const { return findHeader(headers, name); }
};

} // namespace trunkline::net
