#include "emulator/telnyx/TelnyxState.h"

#include "emulator/telnyx/TelnyxErrors.h"
#include "emulator/telnyx/TelnyxWire.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::emulator::telnyx {

namespace {

using core::PortingOrderStatus;

constexpr int kEmbeddedPhoneNumbers = 50;
constexpr qint64 kHourMs = 3600LL * 1000;
// How long the carrier side takes in the emulator (UNCONFIRMED: Telnyx publishes no timings; real
// German ports take days to weeks). Run the emulator with --time-scale to watch an order complete.
constexpr qint64 kInProcessToSubmittedMs = 2 * kHourMs;
constexpr qint64 kSubmittedToFocConfirmedMs = 24 * kHourMs;
constexpr qint64 kDefaultFocLeadMs = 7 * 24 * kHourMs;
constexpr qint64 kCancelPendingToCancelledMs = 1 * kHourMs;
const QString kStatusChangedAt = QStringLiteral("_status_changed_at"); // internal, never sent

} // namespace

TelnyxState::TelnyxState(quint32 seed, double timeScale)
    : clock(timeScale)
    , m_ids(seed ^ 0x7e1e5a11u) {
}

std::optional<EmulatorResponse> TelnyxState::findOrder(const QString& id, qsizetype* index) const {
    if (!isUuid(id))
        // UNCONFIRMED: Telnyx's answer for a malformed path id; we say 404 with "Invalid ID".
        return TelnyxErrors::response(
            404, TelnyxErrors::invalidId(tr("Porting order id \"%1\" is not a UUID.").arg(id)));
    for (qsizetype i = 0; i < data.orders.size(); ++i) {
        if (data.orders.at(i).value(u"id"_s).toString() == id) {
            *index = i;
            return std::nullopt;
        }
    }
    return TelnyxErrors::response(404, TelnyxErrors::notFound(tr("Porting order %1 was not found.").arg(id)));
}

QJsonObject TelnyxState::portingNumberForOutput(const QJsonObject& number) const {
    QJsonObject out = number;
    const QString orderId = number.value(u"porting_order_id"_s).toString();
    for (const QJsonObject& order : data.orders) {
        if (order.value(u"id"_s).toString() != orderId)
            continue;
        const PortingOrderStatus status = TelnyxRecords::status(order);
        out.insert(u"porting_order_status"_s, statusText(status));
        out.insert(u"activation_status"_s, TelnyxRecords::activationStatusFor(status));
        out.insert(u"support_key"_s, order.value(u"support_key"_s));
        if (TelnyxRecords::requirementsMet(order))
            out.insert(u"requirements_status"_s, status == PortingOrderStatus::Draft
                                                     ? u"requirement-info-under-review"_s
                                                     : u"approved"_s);
        break;
    }
    return out;
}

QJsonObject TelnyxState::orderForOutput(const QJsonObject& order, bool includePhoneNumbers) const {
    QJsonObject out = order;
    out.remove(kStatusChangedAt);
    const QString id = order.value(u"id"_s).toString();
    QJsonArray numbers;
    qsizetype count = 0;
    for (const QJsonObject& n : data.portingNumbers) {
        if (n.value(u"porting_order_id"_s).toString() != id)
            continue;
        if (includePhoneNumbers && count < kEmbeddedPhoneNumbers)
            numbers.append(portingNumberForOutput(n));
        ++count;
    }
    if (includePhoneNumbers)
        out.insert(u"phone_numbers"_s, numbers);
    out.insert(u"porting_phone_numbers_count"_s, count);
    out.insert(u"requirements_met"_s, TelnyxRecords::requirementsMet(order));
    return out;
}

QJsonObject TelnyxState::orderEnvelope(const QJsonObject& order) const {
    const QString id = order.value(u"id"_s).toString();
    return QJsonObject{
        {u"data"_s, orderForOutput(order, true)},
        {u"meta"_s, QJsonObject{{u"phone_numbers_url"_s,
                                 QString(u"/v2/porting_phone_numbers?filter[porting_order_id]="_s + id)}}}};
}

QString TelnyxState::newId() {
    // The generator restarts with the seed, so after restore() it would repeat ids of the restored
    // session: skip any id already in use.
    auto used = [&](const QString& id) {
        for (const QList<QJsonObject>* list : {&data.orders, &data.portingNumbers, &data.extensions})
            for (const QJsonObject& record : *list)
                if (record.value(u"id"_s).toString() == id)
                    return true;
        return false;
    };
    QString id = TelnyxRecords::uuid(m_ids);
    while (used(id))
        id = TelnyxRecords::uuid(m_ids);
    return id;
}

QString TelnyxState::newPhoneNumberId() {
    auto used = [&](const QString& id) {
        for (const QJsonObject& record : data.phoneNumbers)
            if (record.value(u"id"_s).toString() == id)
                return true;
        return false;
    };
    QString id;
    do {
        id = QString::number(1'000'000'000'000'000'000ULL + m_ids.bounded(static_cast<quint64>(8e18)));
    } while (used(id));
    return id;
}

void TelnyxState::touch(QJsonObject& order) {
    order.insert(u"updated_at"_s, TelnyxRecords::timestamp(clock.now()));
}

void TelnyxState::markStatusChange(QJsonObject& order, PortingOrderStatus status) {
    TelnyxRecords::setStatus(order, status);
    order.insert(kStatusChangedAt, static_cast<double>(clock.nowMs()));
    touch(order);
}

void TelnyxState::advanceLifecycle() {
    using S = PortingOrderStatus;
    const qint64 now = clock.nowMs();
    for (QJsonObject& order : data.orders) {
        if (!order.contains(kStatusChangedAt))
            continue; // demo orders keep their status; only orders moved through the API progress
        for (bool step = true; step;) {
            step = false;
            const auto since = static_cast<qint64>(order.value(kStatusChangedAt).toDouble());
            const S status = TelnyxRecords::status(order);
            auto move = [&](S next, qint64 at) {
                TelnyxRecords::setStatus(order, next);
                order.insert(kStatusChangedAt, static_cast<double>(at));
                order.insert(u"updated_at"_s,
                             TelnyxRecords::timestamp(QDateTime::fromMSecsSinceEpoch(at, Qt::UTC)));
                step = true;
            };
            if (status == S::InProcess && now - since >= kInProcessToSubmittedMs) {
                move(S::Submitted, since + kInProcessToSubmittedMs);
            } else if (status == S::Submitted && now - since >= kSubmittedToFocConfirmedMs) {
                const qint64 at = since + kSubmittedToFocConfirmedMs;
                QJsonObject activation = order.value(u"activation_settings"_s).toObject();
                const QDateTime requested = QDateTime::fromString(
                    activation.value(u"foc_datetime_requested"_s).toString(), Qt::ISODateWithMs);
                const qint64 foc = requested.isValid() && requested.toMSecsSinceEpoch() > at
                                       ? requested.toMSecsSinceEpoch()
                                       : at + kDefaultFocLeadMs;
                activation.insert(u"foc_datetime_actual"_s,
                                  TelnyxRecords::timestamp(QDateTime::fromMSecsSinceEpoch(foc, Qt::UTC)));
                order.insert(u"activation_settings"_s, activation);
                move(S::FocDateConfirmed, at);
            } else if (status == S::FocDateConfirmed) {
                const QDateTime foc = QDateTime::fromString(order.value(u"activation_settings"_s)
                                                                .toObject()
                                                                .value(u"foc_datetime_actual"_s)
                                                                .toString(),
                                                            Qt::ISODateWithMs);
                if (foc.isValid() && now >= foc.toMSecsSinceEpoch())
                    move(S::Ported, foc.toMSecsSinceEpoch());
            } else if (status == S::CancelPending && now - since >= kCancelPendingToCancelledMs) {
                move(S::Cancelled, since + kCancelPendingToCancelledMs);
            }
        }
    }
}

} // namespace trunkline::emulator::telnyx
