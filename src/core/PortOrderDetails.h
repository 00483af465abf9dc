#pragma once

#include "core/RuleViolation.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <optional>

namespace trunkline::core {

// What a German porting order needs before it is submitted, besides its numbers (docs/api/
// telnyx-porting.md §2, UpdatePortingOrder): the end user (entity and authorised person), the service
// address, the requested porting (FOC) date, and the two documents Telnyx asks of a German order: the
// letter of authorisation the end user signed and their latest invoice from the current carrier
// (uploaded when the order is placed, then named by documents.loa / documents.invoice).
struct OrderDetails {
    QString entityName;        // end_user.admin.entity_name
    QString authPersonName;    // end_user.admin.auth_person_name
    QString streetAddress;     // end_user.location.street_address
    QString postalCode;        // end_user.location.postal_code
    QString locality;          // end_user.location.locality
    QDate requestedDate;       // activation_settings.foc_datetime_requested (the day)
    QString customerReference; // optional
    QString loaPath;           // a file: documents.loa once uploaded
    QString invoicePath;       // a file: documents.invoice once uploaded

    friend bool operator==(const OrderDetails&, const OrderDetails&) = default;
};

// A document as it is uploaded: the file's name and its bytes.
struct OrderDocument {
    QString fileName;
    QByteArray content;
};

// Checks the details as they are typed; fields are the UpdatePortingOrder JSON pointers, so an error
// the server names by its source.pointer lands on the same field. `today` is passed in for the tests.
class OrderDetailsRules {
    Q_DECLARE_TR_FUNCTIONS(OrderDetailsRules)

public:
    // The largest document taken and its types, told by the file's first bytes. Telnyx publishes neither
    // (UNCONFIRMED); the emulator takes the same (TelnyxDocumentsApi).
    static constexpr qint64 kMaxDocumentBytes = 10 * 1024 * 1024;

    static RuleViolations check(const OrderDetails& details, const QDate& today);
    // "application/pdf", "image/jpeg" or "image/png" as the file's first bytes tell; empty for others.
    static QString documentContentType(const QByteArray& head);
    // Reads a document for upload; nullopt with `error` set when the file breaks a rule or is unreadable.
    static std::optional<OrderDocument> readDocument(const QString& path, QString* error);

private:
    // Why the file at `path` cannot be the document (empty when it can); reads only its first bytes.
    static QString documentProblem(const QString& path);
};

} // namespace trunkline::core
