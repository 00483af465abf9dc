#include "core/PhoneNumber.h"
#include "emulator/telnyx/TelnyxApi.h"
#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

using core::PortingOrderStatus;

constexpr int kMaxNumbersPerCreate = 1000;
constexpr qint64 kCancelBlockedBeforeFocMs = 48LL * 3600 * 1000;

// Schema of UpdatePortingOrder (docs/api/telnyx-porting.md §2). Leaf types: string, uuid, datetime, url,
// bool, int, e164, enum:a|b. Every leaf may be null (PATCH: explicit null clears). A trailing "!" means
// required and not null (inside array items). An array holds its item schema as the only element.
const QJsonObject& updateSchema() {
    static const QJsonObject schema = QJsonDocument::fromJson(R"({
        "activation_settings": {"foc_datetime_requested": "datetime"},
        "customer_reference": "string",
        "customer_group_reference": "string",
        "documents": {"loa": "uuid", "invoice": "uuid"},
        "end_user": {
            "admin": {"entity_name": "string", "auth_person_name": "string", "billing_phone_number": "e164",
                      "account_number": "string", "pin_passcode": "string", "business_identifier": "string",
                      "tax_identifier": "string"},
            "location": {"street_address": "string", "extended_address": "string", "locality": "string",
                         "administrative_area": "string", "postal_code": "string", "country_code": "string"}},
        "messaging": {"enable_messaging": "bool"},
        "misc": {"type": "enum:full|partial", "remaining_numbers_action": "enum:keep|disconnect",
                 "new_billing_phone_number": "e164"},
        "phone_number_configuration": {"billing_group_id": "uuid", "connection_id": "string",
                                       "emergency_address_id": "uuid", "messaging_profile_id": "uuid",
                                       "tags": ["string"]},
        "requirement_group_id": "uuid",
        "requirements": [{"requirement_type_id": "uuid!", "field_value": "string!"}],
        "user_feedback": {"user_comment": "string", "user_rating": "int"},
        "webhook_url": "url"
    })")
                                          .object();
    return schema;
}

void validateAgainst(const QJsonValue& value, const QJsonValue& schema, const QString& pointer,
                     QList<TelnyxError>& errors) {
    if (schema.isObject()) {
        if (value.isNull())
            return;
        if (!value.isObject()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an object, got %2.").arg(pointer, typeName(value)), pointer));
            return;
        }
        const QJsonObject object = value.toObject();
        const QJsonObject fields = schema.toObject();
        for (auto it = fields.begin(); it != fields.end(); ++it) {
            if (it.value().isString() && it.value().toString().endsWith(u'!') && !object.contains(it.key()))
                errors.append(TelnyxErrors::missing(pointer + u'/' + it.key(),
                                                    tr("%1/%2 is required.").arg(pointer, it.key())));
        }
        for (auto it = object.begin(); it != object.end(); ++it) {
            const QString child = pointer + u'/' + it.key();
            if (!fields.contains(it.key())) {
                errors.append(TelnyxErrors::badRequest(tr("Unknown field %1.").arg(child), child));
                continue;
            }
            validateAgainst(it.value(), fields.value(it.key()), child, errors);
        }
        return;
    }
    if (schema.isArray()) {
        if (value.isNull())
            return;
        if (!value.isArray()) {
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an array, got %2.").arg(pointer, typeName(value)), pointer));
            return;
        }
        const QJsonArray items = value.toArray();
        for (qsizetype i = 0; i < items.size(); ++i)
            validateAgainst(items.at(i), schema.toArray().at(0), pointer + u'/' + QString::number(i), errors);
        return;
    }
    QString type = schema.toString();
    const bool required = type.endsWith(u'!');
    if (required)
        type.chop(1);
    if (value.isNull()) {
        if (required)
            errors.append(TelnyxErrors::badRequest(tr("%1 must not be null.").arg(pointer), pointer));
        return;
    }
    auto wrongType = [&](const QString& expected) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 must be %2, got %3.").arg(pointer, expected, typeName(value)), pointer));
    };
    if (type == u"bool") {
        if (!value.isBool())
            wrongType(tr("a boolean"));
        return;
    }
    if (type == u"int") {
        if (!jsonInt(value))
            wrongType(tr("an integer"));
        return;
    }
    if (!value.isString()) {
        wrongType(tr("a string"));
        return;
    }
    const QString text = value.toString();
    if (type == u"uuid" && !isUuid(text)) {
        errors.append(
            TelnyxErrors::invalidId(tr("%1 must be a UUID, got \"%2\".").arg(pointer, text), pointer));
    } else if (type == u"datetime" && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid()) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 must be an ISO 8601 date-time such as 2026-03-02T09:00:00Z, got \"%2\".")
                .arg(pointer, text),
            pointer));
    } else if (type == u"url") {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"https" && url.scheme() != u"http") || url.host().isEmpty())
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be an http(s) URL, got \"%2\".").arg(pointer, text), pointer));
    } else if (type == u"e164" && !core::PhoneNumber::isE164(text)) {
        errors.append(TelnyxErrors::invalidE164(
            tr("%1 must be a phone number in +E.164 format, got \"%2\".").arg(pointer, text), pointer));
    } else if (type.startsWith(u"enum:")) {
        const QStringList allowed = type.mid(5).split(u'|');
        if (!allowed.contains(text))
            errors.append(TelnyxErrors::badRequest(
                tr("%1 must be one of %2, got \"%3\".").arg(pointer, allowed.join(u", "), text), pointer));
    }
}

// PATCH merge: members left out keep their values, explicit null clears, objects merge recursively.
void mergeInto(QJsonObject& target, const QJsonObject& patch) {
    for (auto it = patch.begin(); it != patch.end(); ++it) {
        if (it.value().isObject() && target.value(it.key()).isObject()) {
            QJsonObject child = target.value(it.key()).toObject();
            mergeInto(child, it.value().toObject());
            target.insert(it.key(), child);
        } else {
            target.insert(it.key(), it.value());
        }
    }
}

} // namespace

EmulatorResponse TelnyxPortingOrdersApi::list(TelnyxState& state, const EmulatorRequest& request) {
    const Query query(request.query);
    Paging paging;
    if (auto error = parsePaging(query, &paging))
        return *error;

    const QStringList statuses = query.filterValues(u"status"_s, true);
    for (const QString& s : statuses)
        if (!core::fromWire<core::PortingOrderStatus>(s))
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(query.rawKey(u"filter.status"_s),
                                                tr("Unknown porting order status \"%1\".").arg(s)));
    const bool includeNumbers = query.value(u"include_phone_numbers"_s) != u"false";

    // Exact-match filters on order fields (both the dotted and the nested spelling arrive here).
    const QStringList exactFields{u"customer_reference"_s,
                                  u"customer_group_reference"_s,
                                  u"parent_support_key"_s,
                                  u"misc.type"_s,
                                  u"end_user.admin.entity_name"_s,
                                  u"end_user.admin.auth_person_name"_s,
                                  u"activation_settings.fast_port_eligible"_s};
    const QStringList countries = query.filterValues(u"phone_numbers.country_code"_s, true);
    const QString contains = query.value(u"filter.phone_numbers.phone_number.contains"_s);
    const QString focAfter = query.value(u"filter.activation_settings.foc_datetime_requested.gt"_s);
    const QString focBefore = query.value(u"filter.activation_settings.foc_datetime_requested.lt"_s);
    for (const auto& [key, text] : {std::pair{u"gt"_s, focAfter}, std::pair{u"lt"_s, focBefore}})
        if (!text.isEmpty() && !QDateTime::fromString(text, Qt::ISODateWithMs).isValid())
            return TelnyxErrors::response(
                400, TelnyxErrors::badParameter(
                         u"filter[activation_settings.foc_datetime_requested]["_s + key + u']',
                         tr("The date-time filter must be ISO 8601, got \"%1\".").arg(text)));

    QList<QJsonObject> matched;
    for (const QJsonObject& order : state.data.orders) {
        if (!admits(statuses, statusText(TelnyxRecords::status(order))))
            continue;
        bool keep = true;
        for (const QString& field : exactFields) {
            const QStringList wanted = query.filterValues(field);
            if (!admits(wanted, jsonText(at(order, field))))
                keep = false;
        }
        const QString id = order.value(u"id"_s).toString();
        if (keep && (!countries.isEmpty() || !contains.isEmpty())) {
            bool countryHit = countries.isEmpty();
            bool numberHit = contains.isEmpty();
            const QString country = at(order, u"end_user.location.country_code"_s).toString();
            for (const QJsonObject& n : state.data.portingNumbers) {
                if (n.value(u"porting_order_id"_s).toString() != id)
                    continue;
                countryHit = countryHit || countries.contains(country);
                numberHit = numberHit || n.value(u"phone_number"_s).toString().contains(contains);
            }
            keep = countryHit && numberHit;
        }
        const QDateTime foc = QDateTime::fromString(
            at(order, u"activation_settings.foc_datetime_requested"_s).toString(), Qt::ISODateWithMs);
        if (keep && !focAfter.isEmpty())
            keep = foc.isValid() && foc > QDateTime::fromString(focAfter, Qt::ISODateWithMs);
        if (keep && !focBefore.isEmpty())
            keep = foc.isValid() && foc < QDateTime::fromString(focBefore, Qt::ISODateWithMs);
        if (keep)
            matched.append(order);
    }

    QString sort = query.sortValues().value(0, u"-created_at"_s);
    const QStringList sorts{u"created_at"_s, u"-created_at"_s,
                            u"activation_settings.foc_datetime_requested"_s,
                            u"-activation_settings.foc_datetime_requested"_s};
    if (!sorts.contains(sort))
        return TelnyxErrors::response(
            400, TelnyxErrors::badParameter(
                     u"sort"_s, tr("sort must be one of %1, got \"%2\".").arg(sorts.join(u", "), sort)));
    sortRecords(matched, sort);
    for (QJsonObject& order : matched)
        order = state.orderForOutput(order, includeNumbers);
    return pageResponse(matched, paging);
}

EmulatorResponse TelnyxPortingOrdersApi::create(TelnyxState& state, const EmulatorRequest& request) {
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    QList<TelnyxError> errors = TelnyxErrors::unknownMembers(
        body, {u"phone_numbers"_s, u"customer_reference"_s, u"customer_group_reference"_s});
    for (const QString& key : {u"customer_reference"_s, u"customer_group_reference"_s}) {
        const QJsonValue v = body.value(key);
        if (!v.isUndefined() && !v.isNull() && !v.isString())
            errors.append(TelnyxErrors::badRequest(tr("/%1 must be a string, got %2.").arg(key, typeName(v)),
                                                   u'/' + key));
    }
    const QJsonValue numbersValue = body.value(u"phone_numbers"_s);
    struct Wanted {
        QString e164;
        QString region;
        QString type;
    };
    QList<Wanted> wanted;
    if (numbersValue.isUndefined() || numbersValue.isNull()) {
        errors.append(TelnyxErrors::missing(u"/phone_numbers"_s, tr("/phone_numbers must be present.")));
    } else if (!numbersValue.isArray()) {
        errors.append(TelnyxErrors::badRequest(
            tr("/phone_numbers must be an array of +E.164 strings, got %1.").arg(typeName(numbersValue)),
            u"/phone_numbers"_s));
    } else if (numbersValue.toArray().isEmpty()) {
        errors.append(TelnyxErrors::badRequest(tr("/phone_numbers must contain at least one number."),
                                               u"/phone_numbers"_s));
    } else if (numbersValue.toArray().size() > kMaxNumbersPerCreate) {
        errors.append(TelnyxErrors::badRequest(
            tr("%1 numbers is the maximum allowed.").arg(kMaxNumbersPerCreate), u"/phone_numbers"_s));
    } else {
        const QJsonArray numbers = numbersValue.toArray();
        QSet<QString> seen;
        for (qsizetype i = 0; i < numbers.size(); ++i) {
            const QString pointer = u"/phone_numbers/"_s + QString::number(i);
            if (!numbers.at(i).isString()) {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 must be a string, got %2.").arg(pointer, typeName(numbers.at(i))), pointer));
                continue;
            }
            const QString text = numbers.at(i).toString();
            if (!core::PhoneNumber::isE164(text)) {
                errors.append(TelnyxErrors::invalidE164(
                    tr("%1 \"%2\" is not in +E.164 format (\"+\", country code, number, no spaces).")
                        .arg(pointer, text),
                    pointer));
                continue;
            }
            const core::ParseOutcome parsed = core::PhoneNumber::parse(text, u"");
            if (!parsed.ok()) {
                errors.append(TelnyxErrors::badRequest(
                    tr("%1 \"%2\" is not a portable phone number: %3").arg(pointer, text, parsed.error),
                    pointer));
                continue;
            }
            if (seen.contains(text)) {
                errors.append(
                    TelnyxErrors::duplicate(tr("%1 \"%2\" is listed twice.").arg(pointer, text), pointer));
                continue;
            }
            seen.insert(text);
            for (const QJsonObject& n : state.data.portingNumbers) {
                if (n.value(u"phone_number"_s).toString() != text)
                    continue;
                for (const QJsonObject& order : state.data.orders) {
                    const PortingOrderStatus st = TelnyxRecords::status(order);
                    if (order.value(u"id"_s) == n.value(u"porting_order_id"_s) &&
                        st != PortingOrderStatus::Cancelled && st != PortingOrderStatus::Ported)
                        errors.append(TelnyxErrors::duplicate(
                            tr("%1 \"%2\" is already on porting order %3 (status %4).")
                                .arg(pointer, text, order.value(u"id"_s).toString(), statusText(st)),
                            pointer));
                }
            }
            const core::PhoneNumber& number = *parsed.number;
            QString type = u"landline"_s;
            if (number.type() == core::PhoneNumber::Type::Mobile)
                type = u"mobile"_s;
            else if (number.type() == core::PhoneNumber::Type::TollFree)
                type = u"toll_free"_s;
            else if (number.type() == core::PhoneNumber::Type::SharedCost)
                type = u"shared_cost"_s;
            else if (number.regionCode() == u"US" || number.regionCode() == u"CA")
                type = u"local"_s;
            wanted.append({text, number.regionCode(), type});
        }
    }
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    // Telnyx splits one request into several orders by country and number type (docs/api/telnyx-porting.md
    // §2).
    QList<QPair<QString, QString>> groups;
    for (const Wanted& w : wanted)
        if (!groups.contains(qMakePair(w.region, w.type)))
            groups.append(qMakePair(w.region, w.type));
    const QDateTime now = state.clock.now();
    QJsonArray created;
    for (const auto& [region, type] : groups) {
        const QString orderId = state.newId();
        QJsonObject order = TelnyxRecords::newOrder(orderId, state.userId, region, type,
                                                    body.value(u"customer_reference"_s).isString()
                                                        ? body.value(u"customer_reference"_s).toString()
                                                        : QString(),
                                                    body.value(u"customer_group_reference"_s).isString()
                                                        ? body.value(u"customer_group_reference"_s).toString()
                                                        : QString(),
                                                    now);
        state.data.orders.append(order);
        for (const Wanted& w : wanted)
            if (w.region == region && w.type == type)
                state.data.portingNumbers.append(
                    TelnyxRecords::newPortingNumber(state.newId(), orderId, w.e164, w.type, w.region));
        created.append(state.orderForOutput(order, true));
    }
    return jsonResponse(201, QJsonObject{{u"data"_s, created}});
}

EmulatorResponse TelnyxPortingOrdersApi::get(TelnyxState& state, const EmulatorRequest& request,
                                             const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    const bool include = Query(request.query).value(u"include_phone_numbers"_s) != u"false";
    QJsonObject envelope = state.orderEnvelope(state.data.orders.at(index));
    if (!include)
        envelope.insert(u"data"_s, state.orderForOutput(state.data.orders.at(index), false));
    return jsonResponse(200, envelope);
}

EmulatorResponse TelnyxPortingOrdersApi::patch(TelnyxState& state, const EmulatorRequest& request,
                                               const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    QJsonObject body;
    if (auto error = parseObject(request.body, &body))
        return *error;
    QList<TelnyxError> errors;
    validateAgainst(body, updateSchema(), QString(), errors);
    // validateAgainst builds pointers from "" so top-level members read "/member".
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    QJsonObject order = state.data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    if (status == PortingOrderStatus::Ported || status == PortingOrderStatus::Cancelled ||
        status == PortingOrderStatus::CancelPending)
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(
                tr("A porting order in status %1 cannot be changed.").arg(statusText(status)), u"/status"_s));

    const QString focText = at(body, u"activation_settings.foc_datetime_requested"_s).toString();
    if (!focText.isEmpty() && QDateTime::fromString(focText, Qt::ISODateWithMs) <= state.clock.now())
        errors.append(TelnyxErrors::badRequest(
            tr("/activation_settings/foc_datetime_requested must lie in the future, got %1.").arg(focText),
            u"/activation_settings/foc_datetime_requested"_s));
    // An order names documents that were uploaded (POST /documents) before.
    const QJsonObject documents = body.value(u"documents"_s).toObject();
    for (auto it = documents.constBegin(); it != documents.constEnd(); ++it) {
        if (it.value().isString() && !TelnyxDocumentsApi::exists(state, it.value().toString()))
            errors.append(
                TelnyxErrors::notFound(tr("Document %1 was not found; upload it first (POST /documents).")
                                           .arg(it.value().toString()),
                                       u"/documents/"_s + it.key()));
    }
    if (body.contains(u"requirement_group_id"_s) && !body.value(u"requirement_group_id"_s).isNull())
        errors.append(TelnyxErrors::notFound(
            tr("Requirement group %1 was not found.").arg(body.value(u"requirement_group_id"_s).toString()),
            u"/requirement_group_id"_s));

    // requirements[] fills the order's own requirement entries by requirement_type_id.
    QJsonArray requirements = order.value(u"requirements"_s).toArray();
    const QJsonArray given = body.value(u"requirements"_s).toArray();
    for (qsizetype i = 0; i < given.size(); ++i) {
        const QJsonObject item = given.at(i).toObject();
        const QString typeId = item.value(u"requirement_type_id"_s).toString();
        bool found = false;
        for (qsizetype r = 0; r < requirements.size(); ++r) {
            QJsonObject req = requirements.at(r).toObject();
            if (req.value(u"requirement_type_id"_s).toString() != typeId)
                continue;
            req.insert(u"field_value"_s, item.value(u"field_value"_s));
            requirements.replace(r, req);
            found = true;
        }
        if (!found) {
            const QString pointer = u"/requirements/"_s + QString::number(i) + u"/requirement_type_id"_s;
            errors.append(TelnyxErrors::badRequest(
                tr("%1 \"%2\" is not a requirement of this porting order.").arg(pointer, typeId), pointer));
        }
    }
    QJsonObject patch = body;
    patch.remove(u"requirements"_s);
    patch.remove(u"requirement_group_id"_s);
    mergeInto(order, patch);
    if (body.contains(u"requirements"_s))
        order.insert(u"requirements"_s, requirements);
    const QJsonObject misc = order.value(u"misc"_s).toObject();
    if (misc.value(u"remaining_numbers_action"_s).toString() == u"keep" &&
        !misc.value(u"new_billing_phone_number"_s).isString())
        errors.append(TelnyxErrors::badRequest(
            tr("/misc/new_billing_phone_number is required when /misc/remaining_numbers_action is \"keep\"."),
            u"/misc/new_billing_phone_number"_s));
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);
    state.touch(order);
    state.data.orders[index] = order;
    return jsonResponse(200, state.orderEnvelope(order));
}

EmulatorResponse TelnyxPortingOrdersApi::remove(TelnyxState& state, const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    const PortingOrderStatus status = TelnyxRecords::status(state.data.orders.at(index));
    if (status != PortingOrderStatus::Draft)
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(tr("Only porting orders in status draft can be deleted; this one is %1.")
                                         .arg(statusText(status)),
                                     u"/status"_s));
    state.data.orders.removeAt(index);
    state.data.portingNumbers.removeIf(
        [&](const QJsonObject& n) { return n.value(u"porting_order_id"_s).toString() == id; });
    state.data.extensions.removeIf(
        [&](const QJsonObject& e) { return e.value(u"porting_order_id"_s).toString() == id; });
    EmulatorResponse r;
    r.status = 204;
    r.contentType.clear();
    return r;
}

EmulatorResponse TelnyxPortingOrdersApi::confirm(TelnyxState& state, const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    QJsonObject order = state.data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    if (status != PortingOrderStatus::Draft && status != PortingOrderStatus::Exception)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("Only porting orders in status draft or exception can be confirmed; this one is %1.")
                         .arg(statusText(status)),
                     u"/status"_s));
    // UNCONFIRMED which fields Telnyx insists on before it accepts an order; we require the end user's
    // name, the authorised person, the service address and the fake DE documents (LOA + invoice).
    QList<TelnyxError> errors;
    for (const QString& path : {u"end_user.admin.entity_name"_s, u"end_user.admin.auth_person_name"_s,
                                u"end_user.location.street_address"_s, u"end_user.location.locality"_s,
                                u"end_user.location.postal_code"_s, u"end_user.location.country_code"_s}) {
        const QJsonValue v = at(order, path);
        if (!v.isString() || v.toString().trimmed().isEmpty()) {
            const QString pointer = u'/' + QString(path).replace(u'.', u'/');
            errors.append(TelnyxErrors::missing(
                pointer, tr("%1 must be filled in before the porting order can be confirmed.").arg(pointer)));
        }
    }
    if (!TelnyxRecords::requirementsMet(order))
        errors.append(TelnyxErrors::missing(
            u"/documents"_s,
            tr("The LOA and the latest invoice (/documents/loa, /documents/invoice) must be given before the "
               "porting order can be confirmed.")));
    if (!errors.isEmpty())
        return TelnyxErrors::response(422, errors);

    if (status == PortingOrderStatus::Draft) {
        state.markStatusChange(order, PortingOrderStatus::InProcess);
        QRandomGenerator keys(static_cast<quint32>(qHash(id)));
        order.insert(u"support_key"_s,
                     QStringLiteral("sr_%1").arg(keys.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
        order.insert(u"parent_support_key"_s,
                     QStringLiteral("pr_%1").arg(keys.generate() & 0xffffffu, 6, 16, QLatin1Char('0')));
    } else {
        // Docs: once the exception is resolved the order returns to "submitted".
        state.markStatusChange(order, PortingOrderStatus::Submitted);
    }
    state.touch(order);
    state.data.orders[index] = order;
    return jsonResponse(200, state.orderEnvelope(order));
}

EmulatorResponse TelnyxPortingOrdersApi::cancel(TelnyxState& state, const QString& id) {
    qsizetype index = -1;
    if (auto error = state.findOrder(id, &index))
        return *error;
    QJsonObject order = state.data.orders.at(index);
    const PortingOrderStatus status = TelnyxRecords::status(order);
    using S = PortingOrderStatus;
    if (status == S::Draft)
        // UNCONFIRMED: drafts are never submitted, so Telnyx has nothing to cancel; delete them instead.
        return TelnyxErrors::response(
            422,
            TelnyxErrors::badRequest(
                tr("A porting order in status draft cannot be cancelled; delete it instead."), u"/status"_s));
    if (status == S::Ported || status == S::Cancelled || status == S::CancelPending)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("A porting order in status %1 cannot be cancelled.").arg(statusText(status)),
                     u"/status"_s));
    const QJsonObject activation = order.value(u"activation_settings"_s).toObject();
    QDateTime foc =
        QDateTime::fromString(activation.value(u"foc_datetime_actual"_s).toString(), Qt::ISODateWithMs);
    if (!foc.isValid())
        foc = QDateTime::fromString(activation.value(u"foc_datetime_requested"_s).toString(),
                                    Qt::ISODateWithMs);
    if (status == S::FocDateConfirmed && foc.isValid() &&
        foc.toMSecsSinceEpoch() - state.clock.nowMs() < kCancelBlockedBeforeFocMs)
        return TelnyxErrors::response(
            422, TelnyxErrors::badRequest(
                     tr("The porting order cannot be cancelled within 48 hours of its FOC date "
                        "%1; please contact Telnyx support.")
                         .arg(TelnyxRecords::timestamp(foc)),
                     u"/activation_settings/foc_datetime_actual"_s));
    state.markStatusChange(order, S::CancelPending);
    state.touch(order);
    state.data.orders[index] = order;
    return jsonResponse(200, state.orderEnvelope(order));
}

} // namespace trunkline::emulator::telnyx
