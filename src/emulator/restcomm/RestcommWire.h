#pragma once

#include "emulator/ProviderService.h"

#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <optional>

namespace trunkline::emulator::restcomm {

// How Restcomm (Jersey) answers and reads requests, shared by its resources: bare status codes, plain-text
// errors, JSON or XML by the request's format, and strict application/x-www-form-urlencoded bodies
// (Restcomm's endpoints take form parameters, never JSON).

EmulatorResponse empty(int status);
EmulatorResponse plain(int status, const QString& text);
EmulatorResponse formatted(int status, bool json, const QByteArray& body);
QByteArray xmlDocument(const QByteArray& inner); // wraps in <RestcommResponse>
bool isSid(const QString& text);                 // 34 letters and digits
bool javaParseBoolean(const QString& text);      // "true" in any case; anything else is false

class RestcommForm {
    Q_DECLARE_TR_FUNCTIONS(RestcommService) // the messages keep the service's translation context

public:
    using Params = QList<QPair<QString, QString>>;

    // Reads the form body into *params (in order, repeats kept); an error answer for a wrong content type
    // or broken percent-encoding. An empty body is no parameters.
    static std::optional<EmulatorResponse> read(const EmulatorRequest& request, Params* params);
    // The first value of name; *present says whether it was there at all.
    static QString param(const Params& params, const QString& name, bool* present = nullptr);
};

} // namespace trunkline::emulator::restcomm
