#pragma once

#include "core/PortingOrder.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QRandomGenerator>
#include <QString>
#include <QUuid>

namespace trunkline::emulator::telnyx {

// The Telnyx emulator's whole data. Records are kept in Telnyx's own wire shape (QJsonObject) so PATCH
// can merge into them and snapshot()/restore() is a plain copy; fields that depend on the order's
// status (porting_order_status, support_key, ...) are filled in when a record is sent.
struct TelnyxData {
    QList<QJsonObject> orders;         // PortingOrder, without phone_numbers (added on output)
    QList<QJsonObject> portingNumbers; // PortingPhoneNumber
    QList<QJsonObject> extensions;     // PortingPhoneNumberExtension, plus "porting_order_id" (internal)
    QList<QJsonObject> documents;      // DocServiceDocument: what was uploaded, not the file itself
    // Buying numbers: the pool the number search finds (AvailablePhoneNumber, plus "_"-prefixed internal
    // members), the account's numbers (PhoneNumber) and the orders that bought them (NumberOrder).
    QList<QJsonObject> available;
    QList<QJsonObject> phoneNumbers;
    QList<QJsonObject> numberOrders;
};

// Makes new records in Telnyx's shape (docs/api/telnyx-porting.md §2–§4.5).
class TelnyxRecords {
public:
    // Deterministic version-4 uuid from a generator (the demo data must not depend on the wall clock).
    static QString uuid(QRandomGenerator& rng);
    static QString timestamp(const QDateTime& utc); // "2021-03-19T10:07:15.527Z"

    // A fresh draft order for numbers of one country and type. requirements are the emulator's FAKE
    // German list (LOA + latest invoice; the real DE requirement types are not published).
    static QJsonObject newOrder(const QString& id, const QString& userId, const QString& countryCode,
                                const QString& phoneNumberType, const QString& customerReference,
                                const QString& customerGroupReference, const QDateTime& now);
    static QJsonObject newPortingNumber(const QString& id, const QString& orderId, const QString& e164,
                                        const QString& phoneNumberType, const QString& countryCode);
    static QJsonObject newExtension(const QString& id, const QString& orderId,
                                    const QString& portingPhoneNumberId, const core::NumberRange& range,
                                    const QList<core::NumberRange>& activationRanges, const QDateTime& now);

    // Ids of the fake requirement types ("LOA", "latest invoice").
    static QString loaRequirementTypeId();
    static QString invoiceRequirementTypeId();

    static core::PortingOrderStatus status(const QJsonObject& order);
    static void setStatus(QJsonObject& order, core::PortingOrderStatus status,
                          const QJsonArray& details = {});
    // Telnyx activation_status of the numbers of an order in this status.
    static QString activationStatusFor(core::PortingOrderStatus status);

    // True when LOA and invoice are given, through documents{} or requirements[].
    static bool requirementsMet(const QJsonObject& order);

    static QJsonObject rangeJson(const core::NumberRange& range);
};

} // namespace trunkline::emulator::telnyx
