#pragma once

#include "emulator/ProviderService.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace trunkline::emulator::telnyx {

// One entry of Telnyx's JSON:API style `errors[]` (docs/api/telnyx-porting.md §1 "Error body").
struct TelnyxError {
    QString code;      // digits as a string, e.g. "10015"
    QString title;     // required by Telnyx
    QString detail;    // what exactly is wrong
    QString pointer;   // source.pointer (JSON pointer into the request body), may be empty
    QString parameter; // source.parameter (offending query/path parameter), may be empty
};

// Builds the error entries and responses the Telnyx emulator sends. The codes are Telnyx's documented
// ones; which code the live API uses for each porting failure is UNCONFIRMED (docs/api/telnyx-porting.md
// §4.5), so we follow the emulator convention suggested there: 422 + "10015" with a precise detail and
// pointer.
class TelnyxErrors {
    Q_DECLARE_TR_FUNCTIONS(TelnyxErrors)

public:
    static TelnyxError badRequest(const QString& detail, const QString& pointer = {});  // 10015
    static TelnyxError badParameter(const QString& parameter, const QString& detail);   // 10015
    static TelnyxError missing(const QString& pointer, const QString& detail);          // 10004
    static TelnyxError notFound(const QString& detail, const QString& pointer = {});    // 10005
    static TelnyxError invalidId(const QString& detail, const QString& pointer = {});   // 10006
    static TelnyxError duplicate(const QString& detail, const QString& pointer = {});   // 10012
    static TelnyxError invalidE164(const QString& detail, const QString& pointer = {}); // 10016
    static TelnyxError authenticationFailed();                                          // 10009

    // A badRequest entry for each member of `object` that is not in `known`, in the object's key order,
    // its pointer below `pointer` ("" for the request body itself). UNCONFIRMED whether Telnyx rejects
    // unknown members; we do, so typos do not pass silently.
    static QList<TelnyxError> unknownMembers(const QJsonObject& object, const QStringList& known,
                                             const QString& pointer = {});

    static EmulatorResponse response(int httpStatus, const QList<TelnyxError>& errors);
    static EmulatorResponse response(int httpStatus, const TelnyxError& error) {
        return response(httpStatus, QList<TelnyxError>{error});
    }
};

} // namespace trunkline::emulator::telnyx
