#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QJsonArray>
#include <algorithm>
#include <functional>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

constexpr qsizetype kMaxNumbersPerOrder = 1000; // UNCONFIRMED for number orders; porting's documented limit

// A bought number as /v2/phone_numbers sends it.
QJsonObject ownedNumber(const QString& id, const QJsonObject& available, const QString& customerReference,
                        const QString& now) {
    const QJsonValue null(QJsonValue::Null);
    QString country;
    for (const QJsonValue& region : available.value(u"region_information"_s).toArray()) {
        if (region[u"region_type"_s].toString() == u"country_code")
            country = region[u"region_name"_s].toString();
    }
    return QJsonObject{
        {u"id"_s, id},
        {u"record_type"_s, u"phone_number"_s},
        {u"phone_number"_s, available.value(u"phone_number"_s)},
        {u"status"_s, u"active"_s},
        {u"tags"_s, QJsonArray()},
        {u"connection_id"_s, null},
        {u"connection_name"_s, null},
        {u"customer_reference"_s, customerReference.isEmpty() ? null : QJsonValue(customerReference)},
        {u"messaging_profile_id"_s, null},
        {u"billing_group_id"_s, null},
        {u"emergency_enabled"_s, false},
        {u"call_forwarding_enabled"_s, true},
        {u"cnam_listing_enabled"_s, false},
        {u"caller_id_name_enabled"_s, false},
        {u"call_recording_enabled"_s, false},
        {u"t38_fax_gateway_enabled"_s, false},
        {u"phone_number_type"_s, available.value(u"_phone_number_type"_s)},
        {u"country_iso_alpha2"_s, country},
        {u"purchased_at"_s, now},
        {u"created_at"_s, now},
        {u"updated_at"_s, now}};
}

} // namespace

EmulatorResponse TelnyxNumberOrdersApi::create(TelnyxState& state, const EmulatorRequest& request) {
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    const QJsonValue numbers = body.value(u"phone_numbers"_s);
    if (!numbers.isArray() || numbers.toArray().isEmpty())
        return TelnyxErrors::response(
            422, TelnyxErrors::missing(u"/phone_numbers"_s,
                                       tr("phone_numbers must be present: a non-empty array of "
                                          "{\"phone_number\": \"+E.164\"} objects.")));
    if (numbers.toArray().size() > kMaxNumbersPerOrder)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(tr("%1 numbers is the maximum allowed.").arg(kMaxNumbersPerOrder),
                                          u"/phone_numbers"_s));
    const QJsonValue reference = body.value(u"customer_reference"_s);
    if (!reference.isUndefined() && !reference.isNull() && !reference.isString())
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("customer_reference must be a string, got %1.").arg(typeName(reference)),
                     u"/customer_reference"_s));

    // Every number must be for sale before anything is bought: an order is all or nothing.
    QList<qsizetype> poolIndexes;
    QList<TelnyxError> errors;
    const QJsonArray wanted = numbers.toArray();
    for (qsizetype i = 0; i < wanted.size(); ++i) {
        const QString pointer = u"/phone_numbers/%1/phone_number"_s.arg(i);
        const QJsonValue number = wanted.at(i).toObject().value(u"phone_number"_s);
        if (!number.isString() || !number.toString().startsWith(u'+')) {
            errors.append(TelnyxErrors::invalidE164(
                tr("phone_numbers[%1].phone_number must be a +E.164 string.").arg(i), pointer));
            continue;
        }
        qsizetype found = -1;
        for (qsizetype p = 0; p < state.data.available.size(); ++p) {
            if (state.data.available.at(p).value(u"phone_number"_s).toString() == number.toString())
                found = p;
        }
        if (found < 0 || poolIndexes.contains(found))
            errors.append(TelnyxErrors::badRequest(
                tr("%1 is not available: only numbers returned by a number search can be ordered, once.")
                    .arg(number.toString()),
                pointer));
        else
            poolIndexes.append(found);
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    const QString now = TelnyxRecords::timestamp(state.clock.now());
    const QString orderId = state.newId();
    const QString customerReference = reference.toString();
    QJsonArray orderNumbers;
    for (const qsizetype p : poolIndexes) {
        const QJsonObject& available = state.data.available.at(p);
        state.data.phoneNumbers.append(
            ownedNumber(state.newPhoneNumberId(), available, customerReference, now));
        orderNumbers.append(QJsonObject{{u"id"_s, state.newId()},
                                        {u"record_type"_s, u"number_order_phone_number"_s},
                                        {u"phone_number"_s, available.value(u"phone_number"_s)},
                                        {u"regulatory_requirements"_s, QJsonArray()},
                                        {u"requirements_met"_s, true},
                                        {u"status"_s, u"success"_s}});
    }
    std::sort(poolIndexes.begin(), poolIndexes.end(), std::greater<>());
    for (const qsizetype p : poolIndexes)
        state.data.available.removeAt(p);
    const QJsonValue null(QJsonValue::Null);
    const QJsonObject order{{u"id"_s, orderId},
                            {u"record_type"_s, u"number_order"_s},
                            {u"phone_numbers_count"_s, orderNumbers.size()},
                            {u"connection_id"_s, body.value(u"connection_id"_s).toString()},
                            {u"messaging_profile_id"_s, body.value(u"messaging_profile_id"_s).toString()},
                            {u"billing_group_id"_s, body.value(u"billing_group_id"_s).toString()},
                            {u"phone_numbers"_s, orderNumbers},
                            {u"sub_number_orders_ids"_s, QJsonArray{state.newId()}},
                            {u"status"_s, u"success"_s},
                            {u"customer_reference"_s, customerReference.isEmpty() ? null : reference},
                            {u"created_at"_s, now},
                            {u"updated_at"_s, now},
                            {u"requirements_met"_s, true}};
    state.data.numberOrders.append(order);
    return jsonResponse(200, QJsonObject{{u"data"_s, order}});
}

EmulatorResponse TelnyxNumberOrdersApi::list(const TelnyxState& state, const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    const QStringList statuses = query.filterValues(u"status"_s, true);
    const QStringList references = query.filterValues(u"customer_reference"_s);
    QList<QJsonObject> matched;
    for (const QJsonObject& order : state.data.numberOrders) {
        if (!admits(statuses, order.value(u"status"_s).toString()))
            continue;
        if (!admits(references, order.value(u"customer_reference"_s).toString()))
            continue;
        matched.append(order);
    }
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxNumberOrdersApi::get(const TelnyxState& state, const QString& id) {
    for (const QJsonObject& order : state.data.numberOrders) {
        if (order.value(u"id"_s).toString() == id)
            return jsonResponse(200, QJsonObject{{u"data"_s, order}});
    }
    return TelnyxErrors::response(404, TelnyxErrors::notFound(tr("Number order %1 was not found.").arg(id)));
}

} // namespace trunkline::emulator::telnyx
