#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

using core::PortingOrderStatus;

QString rangeText(const QJsonObject& range) {
    return QStringLiteral("%1–%2")
        .arg(range.value(u"start_at"_s).toInt())
        .arg(range.value(u"end_at"_s).toInt());
}

} // namespace

EmulatorResponse TelnyxNumberExtensionsApi::list(TelnyxState& state, const EmulatorRequest& request,
                                                 const QString& orderId) {
    qsizetype index = -1;
    if (auto error = state.findOrder(orderId, &index))
        return *error;
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;
    const QStringList numberIds = query.filterValues(u"porting_phone_number_id"_s, true);
    const QString sort = query.sortValues().value(0, u"-created_at"_s);
    if (sort != u"created_at" && sort != u"-created_at")
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(
                     u"sort"_s, tr("sort must be created_at or -created_at, got \"%1\".").arg(sort)));
    QList<QJsonObject> matched;
    for (const QJsonObject& e : state.data.extensions) {
        if (e.value(u"porting_order_id"_s).toString() != orderId)
            continue;
        if (!admits(numberIds, e.value(u"porting_phone_number_id"_s).toString()))
            continue;
        QJsonObject out = e;
        out.remove(u"porting_order_id"_s);
        matched.append(out);
    }
    sortRecords(matched, sort);
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxNumberExtensionsApi::create(TelnyxState& state, const EmulatorRequest& request,
                                                   const QString& orderId) {
    qsizetype index = -1;
    if (auto error = state.findOrder(orderId, &index))
        return *error;
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    const QJsonObject& order = state.data.orders.at(index);

    // Structure first: required members, JSON types, integers (createPortingPhoneNumberExtension).
    QList<TelnyxError> errors = TelnyxErrors::unknownMembers(
        body, {u"porting_phone_number_id"_s, u"extension_range"_s, u"activation_ranges"_s});

    auto readRange = [&](const QJsonValue& value, const QString& pointer, core::NumberRange* out) {
        if (!value.isObject()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an object {start_at, end_at}, got %2.").arg(pointer, typeName(value)),
                pointer));
            return false;
        }
        const QJsonObject object = value.toObject();
        const QList<TelnyxError> unknown =
            TelnyxErrors::unknownMembers(object, {u"start_at"_s, u"end_at"_s}, pointer);
        errors += unknown;
        bool ok = unknown.isEmpty();
        for (const QString& key : {u"start_at"_s, u"end_at"_s}) {
            const QString child = pointer + u'/' + key;
            const QJsonValue v = object.value(key);
            if (v.isUndefined() || v.isNull()) {
                errors.append(TelnyxErrors::missing(child, tr("%1 is required.").arg(child)));
                ok = false;
            } else if (const std::optional<int> n = jsonInt(v)) {
                (key == u"start_at" ? out->startAt : out->endAt) = *n;
            } else {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 must be an integer, got %2.")
                        .arg(child, v.isString() ? u"\"%1\""_s.arg(v.toString()) : typeName(v)),
                    child));
                ok = false;
            }
        }
        return ok;
    };

    QString routeNumber;
    QString portingNumberId;
    const QJsonValue idValue = body.value(u"porting_phone_number_id"_s);
    if (idValue.isUndefined() || idValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/porting_phone_number_id"_s,
                                            tr("/porting_phone_number_id is required.")));
    } else if (!idValue.isString()) {
        errors.append(TelnyxErrors::badRequest(
            tr("/porting_phone_number_id must be a string (UUID), got %1.").arg(typeName(idValue)),
            u"/porting_phone_number_id"_s));
    } else if (!isUuid(idValue.toString())) {
        errors.append(TelnyxErrors::invalidId(
            tr("/porting_phone_number_id must be a UUID, got \"%1\".").arg(idValue.toString()),
            u"/porting_phone_number_id"_s));
    } else {
        portingNumberId = idValue.toString();
        for (const QJsonObject& n : state.data.portingNumbers)
            if (n.value(u"id"_s).toString() == portingNumberId &&
                n.value(u"porting_order_id"_s).toString() == orderId)
                routeNumber = n.value(u"phone_number"_s).toString();
        if (routeNumber.isEmpty())
            errors.append(TelnyxErrors::notFound(
                tr("Porting phone number %1 is not on porting order %2.").arg(portingNumberId, orderId),
                u"/porting_phone_number_id"_s));
    }

    core::NumberRange extensionRange;
    const QJsonValue rangeValue = body.value(u"extension_range"_s);
    if (rangeValue.isUndefined() || rangeValue.isNull())
        errors.append(TelnyxErrors::missing(u"/extension_range"_s, tr("/extension_range is required.")));
    else
        readRange(rangeValue, u"/extension_range"_s, &extensionRange);

    QList<core::NumberRange> activationRanges;
    const QJsonValue activationValue = body.value(u"activation_ranges"_s);
    if (activationValue.isUndefined() || activationValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/activation_ranges"_s, tr("/activation_ranges is required.")));
    } else if (!activationValue.isArray()) {
        errors.append(
            TelnyxErrors::badRequest(tr("/activation_ranges must be an array of {start_at, end_at}, got %1.")
                                         .arg(typeName(activationValue)),
                                     u"/activation_ranges"_s));
    } else {
        const QJsonArray items = activationValue.toArray();
        for (qsizetype i = 0; i < items.size(); ++i) {
            core::NumberRange r;
            if (readRange(items.at(i), u"/activation_ranges/"_s + QString::number(i), &r))
                activationRanges.append(r);
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    // Then the porting rules of seed 002, shared with the app through core.
    const core::PortingOrderStatus status = TelnyxRecords::status(order);
    for (const core::RuleViolation& v :
         core::validateExtensionRanges(routeNumber, status, extensionRange, activationRanges))
        errors.append(TelnyxErrors::badRequest(v.message, v.field));
    // Two blocks of the same route number must not share extensions (UNCONFIRMED; the same extended
    // number cannot port twice).
    if (errors.isEmpty()) {
        for (const QJsonObject& e : state.data.extensions) {
            if (e.value(u"porting_phone_number_id"_s).toString() != portingNumberId)
                continue;
            const QJsonObject other = e.value(u"extension_range"_s).toObject();
            const core::NumberRange existing{other.value(u"start_at"_s).toInt(),
                                             other.value(u"end_at"_s).toInt()};
            if (existing.overlaps(extensionRange))
                errors.append(TelnyxErrors::duplicate(
                    tr("Extension range %1 overlaps extension range %2 already attached to %3 (extension "
                       "%4).")
                        .arg(rangeText(TelnyxRecords::rangeJson(extensionRange)), rangeText(other),
                             routeNumber, e.value(u"id"_s).toString()),
                    u"/extension_range"_s));
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    QJsonObject extension = TelnyxRecords::newExtension(state.newId(), orderId, portingNumberId,
                                                        extensionRange, activationRanges, state.clock.now());
    state.data.extensions.append(extension);
    QJsonObject order2 = state.data.orders.at(index);
    state.touch(order2);
    state.data.orders[index] = order2;
    extension.remove(u"porting_order_id"_s);
    return jsonResponse(201, QJsonObject{{u"data"_s, extension}});
}

EmulatorResponse TelnyxNumberExtensionsApi::remove(TelnyxState& state, const QString& orderId,
                                                   const QString& extensionId) {
    qsizetype index = -1;
    if (auto error = state.findOrder(orderId, &index))
        return *error;
    qsizetype found = -1;
    for (qsizetype i = 0; i < state.data.extensions.size(); ++i)
        if (state.data.extensions.at(i).value(u"id"_s).toString() == extensionId &&
            state.data.extensions.at(i).value(u"porting_order_id"_s).toString() == orderId)
            found = i;
    if (found < 0)
        return TelnyxErrors::response(
            404, TelnyxErrors::notFound(tr("Phone number extension %1 was not found on porting order %2.")
                                            .arg(extensionId, orderId)));
    const PortingOrderStatus status = TelnyxRecords::status(state.data.orders.at(index));
    if (!core::canEditExtensions(status))
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(tr("Extensions can only be deleted while the porting order is in draft, "
                                        "in-process or exception; this one is %1.")
                                         .arg(statusText(status)),
                                     u"/status"_s));
    QJsonObject extension = state.data.extensions.takeAt(found);
    extension.remove(u"porting_order_id"_s);
    // Telnyx answers 200 with the deleted record, not 204 (docs/api/telnyx-porting.md §4.4).
    return jsonResponse(200, QJsonObject{{u"data"_s, extension}});
}

} // namespace trunkline::emulator::telnyx
