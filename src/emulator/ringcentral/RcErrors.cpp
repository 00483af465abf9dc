#include "emulator/ringcentral/RcErrors.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace trunkline::emulator::ringcentral {

namespace {

EmulatorResponse jsonResponse(int status, const QJsonObject& body) {
    EmulatorResponse response;
    response.status = status;
    response.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return response;
}

// errors[] with the one entry that clients key on.
QJsonArray errorList(const QString& errorCode, const QString& message) {
    return QJsonArray{
        QJsonObject{{QStringLiteral("errorCode"), errorCode}, {QStringLiteral("message"), message}}};
}

} // namespace

EmulatorResponse RcErrors::api(int status, const QString& errorCode, const QString& message,
                               const QString& parameterName, const QString& parameterValue) {
    QJsonObject entry{{QStringLiteral("errorCode"), errorCode}, {QStringLiteral("message"), message}};
    if (!parameterName.isEmpty())
        entry.insert(QStringLiteral("parameterName"), parameterName);
    if (!parameterValue.isEmpty())
        entry.insert(QStringLiteral("parameterValue"), parameterValue);
    // A real 400 for a bad value was seen with the word code "InvalidParameter" at the top level and the
    // CMN code inside errors[] (ringcentral-java#19); other errors repeat the CMN code. Clients must key
    // on errors[].errorCode.
    QJsonObject body{{QStringLiteral("errorCode"),
                      errorCode == u"CMN-101" ? QStringLiteral("InvalidParameter") : errorCode},
                     {QStringLiteral("message"), message},
                     {QStringLiteral("errors"), QJsonArray{entry}}};
    if (!parameterName.isEmpty())
        body.insert(QStringLiteral("parameterName"), parameterName);
    return jsonResponse(status, body);
}

EmulatorResponse RcErrors::unauthorized(const QString& topLevelCode, const QString& errorCode,
                                        const QString& message) {
    const QJsonObject body{{QStringLiteral("errorCode"), topLevelCode},
                           {QStringLiteral("message"), message},
                           {QStringLiteral("errors"), errorList(errorCode, message)}};
    return jsonResponse(401, body);
}

EmulatorResponse RcErrors::oauth(int status, const QString& error, const QString& errorCode,
                                 const QString& message) {
    // UNCONFIRMED whether error_description is sent; the JS SDK reads it for its message, so send it.
    const QJsonObject body{{QStringLiteral("error"), error},
                           {QStringLiteral("error_description"), message},
                           {QStringLiteral("errors"), errorList(errorCode, message)}};
    return jsonResponse(status, body);
}

EmulatorResponse RcErrors::invalidParameter(const QString& parameterName, const QString& detail,
                                            const QString& parameterValue) {
    QString message = tr("Parameter [%1] value is invalid.").arg(parameterName);
    if (!detail.isEmpty())
        message += u' ' + detail;
    return api(400, QStringLiteral("CMN-101"), message, parameterName, parameterValue);
}

EmulatorResponse RcErrors::notFound(const QString& parameterName, const QString& parameterValue) {
    return api(404, QStringLiteral("CMN-102"),
               tr("Resource for parameter [%1] is not found.").arg(parameterName), parameterName,
               parameterValue);
}

EmulatorResponse RcErrors::invalidJson(const QString& detail) {
    return api(400, QStringLiteral("CMN-103"), tr("Request body cannot be parsed as JSON: %1").arg(detail));
}

EmulatorResponse RcErrors::uriNotFound(const QString& path) {
    return api(404, QStringLiteral("CMN-120"), tr("Resource not found: %1").arg(path));
}

EmulatorResponse RcErrors::needsPermission(const QString& permission) {
    return api(403, QStringLiteral("CMN-408"),
               tr("In order to call this API endpoint, user needs to have [%1] permission for requested "
                  "resource.")
                   .arg(permission),
               QStringLiteral("permissionName"), permission);
}

EmulatorResponse RcErrors::needsAppPermission(const QString& permission) {
    return api(
        403, QStringLiteral("CMN-401"),
        tr("In order to call this API endpoint, application needs to have [%1] permission.").arg(permission),
        QStringLiteral("permissionName"), permission);
}

EmulatorResponse RcErrors::otherExtension() {
    return api(403, QStringLiteral("CMN-404"),
               tr("Access to another extension's data requires administrator permission."));
}

EmulatorResponse RcErrors::needsAdmin() {
    return api(403, QStringLiteral("CMN-402"), tr("Administrator permission is required for this change."));
}

} // namespace trunkline::emulator::ringcentral
