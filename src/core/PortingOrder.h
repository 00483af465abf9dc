#pragma once

#include "core/WireEnum.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>
#include <optional>

namespace trunkline::core {

// Telnyx PortingOrderStatus (status.value), docs/api/telnyx-porting.md §2.
enum class PortingOrderStatus {
    Draft,            // "draft"
    InProcess,        // "in-process"
    Submitted,        // "submitted"
    Exception,        // "exception"
    FocDateConfirmed, // "foc-date-confirmed"
    Ported,           // "ported"
    Cancelled,        // "cancelled"
    CancelPending,    // "cancel-pending"
};

struct PortingOrder {
    QString id; // uuid
    PortingOrderStatus status = PortingOrderStatus::Draft;
    QStringList exceptionCodes; // status.details[].code; open set, keep unknown codes as text
    QString countryCode;        // ISO 3166 alpha-2 of the numbers, "DE" for extended-number orders
    QString customerReference;
    QString supportKey; // null while draft
    QDateTime focDatetimeRequested;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const PortingOrder&, const PortingOrder&) = default;
};

// One number on a porting order (docs/api/telnyx-porting.md §3). The id field is UNCONFIRMED upstream; the
// client reads "id" with a fallback to "porting_phone_number_id".
struct PortingPhoneNumber {
    QString id;
    QString portingOrderId;
    QString phoneNumber; // +E.164
    QString phoneNumberType;
    PortingOrderStatus portingOrderStatus = PortingOrderStatus::Draft;
    QString activationStatus;   // Telnyx activation_status text ("New", "Active", ...)
    QString portabilityStatus;  // pending | confirmed | provisional
    QString requirementsStatus; // requirement-info-pending | ... | approved

    friend bool operator==(const PortingPhoneNumber&, const PortingPhoneNumber&) = default;
};

// Inclusive range of extension digits, as Telnyx's {start_at, end_at}.
struct NumberRange {
    int startAt = 0;
    int endAt = 0;

    int size() const { return endAt - startAt + 1; }
    bool contains(int value) const { return value >= startAt && value <= endAt; }
    bool contains(const NumberRange& other) const { return other.startAt >= startAt && other.endAt <= endAt; }
    bool overlaps(const NumberRange& other) const { return startAt <= other.endAt && other.startAt <= endAt; }

    friend bool operator==(const NumberRange&, const NumberRange&) = default;
};

// German extended numbers attached to a route number (Telnyx PortingPhoneNumberExtension).
struct PhoneNumberExtension {
    QString id;
    QString portingPhoneNumberId;
    NumberRange extensionRange;
    QList<NumberRange> activationRanges;
    QDateTime createdAt;
    QDateTime updatedAt;

    friend bool operator==(const PhoneNumberExtension&, const PhoneNumberExtension&) = default;
};

} // namespace trunkline::core
