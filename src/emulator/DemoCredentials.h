#pragma once

#include <QHash>
#include <QString>
#include <QStringView>

namespace trunkline::emulator {

// The demo secrets the emulator accepts, as printed on its credential lines. Tests read them from here
// instead of parsing stdout. Empty fields belong to a provider that is not built in.
struct DemoCredentials {
    QString ringCentralClientId;
    QString ringCentralClientSecret;
    QString ringCentralAdminJwt; // JWT credential of an administrator extension
    QString ringCentralUserJwt;  // JWT credential of an ordinary (non-admin) user extension
    // An app granted ReadAccounts only (it signs in with the administrator's JWT).
    QString ringCentralReadOnlyClientId;
    QString ringCentralReadOnlyClientSecret;
    QString telnyxApiKey;
    QString restcommAccountSid;
    QString restcommAuthToken;

    // Splits one credential line "label key=value key=value" into its pairs; *label gets the first word.
    static QHash<QString, QString> parseLine(QStringView line, QString* label = nullptr);
};

} // namespace trunkline::emulator
