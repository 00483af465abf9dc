#pragma once

#include "emulator/ProviderService.h"

#include <QCoreApplication>
#include <QString>

namespace trunkline::emulator::ringcentral {

// RingCentral's error bodies (docs/api/ringcentral.md §7.1, §1.8). API errors carry the code twice: top level
// and in errors[] (real v1.0 servers do); OAuth errors carry `error`, `error_description` and errors[].
class RcErrors {
    Q_DECLARE_TR_FUNCTIONS(RcErrors)

public:
    static EmulatorResponse api(int status, const QString& errorCode, const QString& message,
                                const QString& parameterName = {}, const QString& parameterValue = {});
    // 401s of the API gateway carry a word code at the top level ("TokenExpired") and the OAU code inside.
    static EmulatorResponse unauthorized(const QString& topLevelCode, const QString& errorCode,
                                         const QString& message);
    static EmulatorResponse oauth(int status, const QString& error, const QString& errorCode,
                                  const QString& message);

    // Frequent cases with RingCentral's wording.
    static EmulatorResponse invalidParameter(const QString& parameterName, const QString& detail,
                                             const QString& parameterValue = {});
    static EmulatorResponse notFound(const QString& parameterName, const QString& parameterValue);
    static EmulatorResponse invalidJson(const QString& detail);
    static EmulatorResponse uriNotFound(const QString& path);
    static EmulatorResponse needsPermission(const QString& permission);
    // 403 CMN-401: the app was not granted the app permission (OAuth scope) the endpoint needs.
    static EmulatorResponse needsAppPermission(const QString& permission);
    static EmulatorResponse otherExtension();
    static EmulatorResponse needsAdmin();
};

} // namespace trunkline::emulator::ringcentral
