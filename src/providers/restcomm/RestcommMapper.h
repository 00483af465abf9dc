#pragma once

#include "core/PhoneNumberRecord.h"
#include "providers/ProviderCapabilities.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>
#include <QUrlQuery>
#include <optional>

namespace trunkline::providers::restcomm {

// A number offered by AvailablePhoneNumbers (docs/api/restcomm-numbers.md §9): a bare JSON array of camelCase
// objects, nulls omitted. The generic shape that providers::NumberSearch answers with.
using AvailableNumber = providers::AvailableNumber;

// What POST IncomingPhoneNumbers provisions: a given number, or (number empty) any number of an area
// code. `number.restcomm` carries isSIP (pureSip) and the URLs/methods to set; null fields are not sent.
struct ProvisionRequest {
    core::PhoneNumberRecord number;
    QString areaCode;
    QString numberType; // "" (plain list, Global), "Local", "TollFree" or "Mobile"
};

// Restcomm IncomingPhoneNumber JSON and form data (docs/api/restcomm-numbers.md §3, §5, §6) <->
// PhoneNumberRecord with RestcommAttributes. Restcomm prints JSON null for unset URLs and sids, which stay
// null QStrings.
class RestcommMapper {
    Q_DECLARE_TR_FUNCTIONS(RestcommMapper)

public:
    static std::optional<core::PhoneNumberRecord> incomingNumber(const QJsonObject& json, QString* problem);
    static QJsonObject incomingNumberToJson(const core::PhoneNumberRecord& number);

    // Update form (POST/PUT IncomingPhoneNumbers/{sid}) setting the `fields` a change touches, as the app
    // names them ("label", "voiceUrl", "smsCapable", ...), to the record's value; Restcomm changes only the
    // parameters present (§6), so the others keep what the provider holds. A null URL or application sid
    // is sent empty, which clears it; a null method is not sent (Restcomm cannot clear one). Parameter
    // names are case-sensitive CamelCase (§1).
    static QUrlQuery updateForm(const core::PhoneNumberRecord& number, const QStringList& fields);
    static QUrlQuery provisionForm(const ProvisionRequest& request);

    static std::optional<AvailableNumber> availableNumber(const QJsonObject& json, QString* problem);

    // "Mon, 4 Nov 2013 12:14:11 +0000" (EEE, d MMM yyyy HH:mm:ss Z, US English). Written in UTC.
    static QDateTime date(const QJsonValue& value);
    static QJsonValue dateJson(const QDateTime& time);
};

} // namespace trunkline::providers::restcomm
