#include "core/VanityNumber.h"
#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

QString countryOf(const QJsonObject& available) {
    for (const QJsonValue& region : available.value(u"region_information"_s).toArray()) {
        if (region[u"region_type"_s].toString() == u"country_code")
            return region[u"region_name"_s].toString();
    }
    return {};
}

// The number without its country code: what the search patterns are matched against.
QString nationalNumber(const QJsonObject& available) {
    const QString e164 = available.value(u"phone_number"_s).toString();
    const QString ndc = available.value(u"_national_destination_code"_s).toString();
    const qsizetype at = e164.indexOf(ndc, 2);
    return at < 0 ? e164.mid(1) : e164.mid(at);
}

bool hasFeatures(const QJsonObject& available, const QStringList& wanted) {
    QStringList offered;
    for (const QJsonValue& feature : available.value(u"features"_s).toArray())
        offered << feature[u"name"_s].toString();
    return std::all_of(wanted.begin(), wanted.end(),
                       [&offered](const QString& name) { return offered.contains(name); });
}

} // namespace

QJsonObject TelnyxAvailableNumbersApi::forOutput(const QJsonObject& available) {
    QJsonObject out = available;
    for (const QString& key : available.keys()) {
        if (key.startsWith(u'_'))
            out.remove(key);
    }
    return out;
}

EmulatorResponse TelnyxAvailableNumbersApi::list(const TelnyxState& state, const EmulatorRequest& request) {
    const Query query(request.query);
    const QString country = query.value(u"filter.country_code"_s).toUpper();
    const QString ndc = query.value(u"filter.national_destination_code"_s);
    const QString type = query.value(u"filter.phone_number_type"_s);
    const QStringList features = query.filterValues(u"features"_s, true);
    // Letters stand for their keypad digits (vanity search).
    const QString startsWith = core::VanityNumber::digits(query.value(u"filter.phone_number.starts_with"_s));
    const QString contains = core::VanityNumber::digits(query.value(u"filter.phone_number.contains"_s));
    const QString endsWith = core::VanityNumber::digits(query.value(u"filter.phone_number.ends_with"_s));

    static const QRegularExpression digitsOnly(u"^[0-9]*$"_s);
    for (const auto& [key, value] : {std::pair{u"filter[national_destination_code]"_s, ndc},
                                     std::pair{u"filter[phone_number][starts_with]"_s, startsWith},
                                     std::pair{u"filter[phone_number][contains]"_s, contains},
                                     std::pair{u"filter[phone_number][ends_with]"_s, endsWith}}) {
        if (!digitsOnly.match(value).hasMatch())
            return TelnyxErrors::response(
                400,
                TelnyxErrors::badParameter(
                    key, tr("Parameter %1 may hold digits and letters only, got \"%2\".").arg(key, value)));
    }
    static const QStringList types{u"local"_s, u"toll_free"_s, u"mobile"_s, u"national"_s, u"shared_cost"_s};
    if (!type.isEmpty() && !types.contains(type))
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(u"filter[phone_number_type]"_s,
                                            tr("filter[phone_number_type] must be one of %1, got \"%2\".")
                                                .arg(types.join(u", "_s), type)));
    int limit = kDefaultLimit;
    if (query.has(u"filter.limit"_s)) {
        bool ok = false;
        limit = query.value(u"filter.limit"_s).toInt(&ok);
        if (!ok || limit < 1 || limit > kMaxLimit)
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(
                         u"filter[limit]"_s, tr("filter[limit] must be an integer from 1 to %1, got \"%2\".")
                                                 .arg(kMaxLimit)
                                                 .arg(query.value(u"filter.limit"_s))));
    }

    QJsonArray data;
    for (const QJsonObject& available : state.data.available) {
        if (!country.isEmpty() && countryOf(available) != country)
            continue;
        if (!type.isEmpty() && available.value(u"_phone_number_type"_s).toString() != type)
            continue;
        if (!ndc.isEmpty() && available.value(u"_national_destination_code"_s).toString() != ndc)
            continue;
        const QString national = nationalNumber(available);
        const QString afterNdc = ndc.isEmpty() ? national : national.mid(ndc.size());
        if (!afterNdc.startsWith(startsWith) || !national.contains(contains) || !national.endsWith(endsWith))
            continue;
        if (!hasFeatures(available, features))
            continue;
        data.append(forOutput(available));
        if (data.size() >= limit)
            break;
    }
    return jsonResponse(200, QJsonObject{{u"data"_s, data},
                                         {u"meta"_s, QJsonObject{{u"total_results"_s, data.size()},
                                                                 {u"best_effort_results"_s, 0}}}});
}

} // namespace trunkline::emulator::telnyx
