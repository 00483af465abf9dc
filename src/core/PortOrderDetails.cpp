#include "core/PortOrderDetails.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace trunkline::core {

RuleViolations OrderDetailsRules::check(const OrderDetails& details, const QDate& today) {
    RuleViolations violations;
    const auto required = [&violations](const QString& value, const QString& field, const QString& message) {
        if (value.trimmed().isEmpty())
            violations.append({field, message});
    };
    required(details.entityName, u"/end_user/admin/entity_name"_s,
             tr("The end user (the company that holds the numbers today) is required."));
    required(details.authPersonName, u"/end_user/admin/auth_person_name"_s,
             tr("The authorised person who signs the letter of authorisation is required."));
    required(details.streetAddress, u"/end_user/location/street_address"_s,
             tr("The street address where the numbers are in service is required."));
    required(details.locality, u"/end_user/location/locality"_s, tr("The town or city is required."));

    // German postal codes have exactly five digits (the numbers being ported are German, and so is
    // their service address).
    static const QRegularExpression germanPostalCode(u"^\\d{5}$"_s);
    if (!germanPostalCode.match(details.postalCode.trimmed()).hasMatch())
        violations.append(
            {u"/end_user/location/postal_code"_s, tr("A German postal code has five digits, e.g. 45127.")});

    // The losing carrier needs notice; a date in the past or today cannot be requested.
    if (!details.requestedDate.isValid() || details.requestedDate <= today)
        violations.append({u"/activation_settings/foc_datetime_requested"_s,
                           tr("The requested porting date must be after today.")});
    else if (details.requestedDate.dayOfWeek() > 5)
        violations.append({u"/activation_settings/foc_datetime_requested"_s,
                           tr("Numbers are ported on working days; choose a day from Monday to Friday.")});

    if (details.loaPath.isEmpty())
        violations.append(
            {u"/documents/loa"_s, tr("The letter of authorisation (LOA), signed by the end user, "
                                     "is required: a PDF, JPEG or PNG file.")});
    else if (const QString problem = documentProblem(details.loaPath); !problem.isEmpty())
        violations.append({u"/documents/loa"_s, problem});
    if (details.invoicePath.isEmpty())
        violations.append({u"/documents/invoice"_s, tr("The end user's latest invoice from the current "
                                                       "carrier is required: a PDF, JPEG or PNG file.")});
    else if (const QString problem = documentProblem(details.invoicePath); !problem.isEmpty())
        violations.append({u"/documents/invoice"_s, problem});
    return violations;
}

QString OrderDetailsRules::documentProblem(const QString& path) {
    QFile file(path);
    const QString name = QFileInfo(path).fileName();
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read %1: %2").arg(name, file.errorString());
    if (file.size() > kMaxDocumentBytes)
        return tr("%1 has %2 MB; at most %3 MB can be uploaded.")
            .arg(name)
            .arg(double(file.size()) / (1024 * 1024), 0, 'f', 1)
            .arg(kMaxDocumentBytes / (1024 * 1024));
    const QByteArray head = file.read(8);
    return documentContentType(head).isEmpty() ? tr("%1 is not a PDF, JPEG or PNG file.").arg(name)
                                               : QString();
}

QString OrderDetailsRules::documentContentType(const QByteArray& head) {
    if (head.startsWith("%PDF-"))
        return u"application/pdf"_s;
    if (head.startsWith("\xFF\xD8\xFF"))
        return u"image/jpeg"_s;
    if (head.startsWith("\x89PNG\r\n\x1A\n"))
        return u"image/png"_s;
    return {};
}

std::optional<OrderDocument> OrderDetailsRules::readDocument(const QString& path, QString* error) {
    if (const QString problem = documentProblem(path); !problem.isEmpty()) {
        *error = problem;
        return std::nullopt;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read %1: %2").arg(QFileInfo(path).fileName(), file.errorString());
        return std::nullopt;
    }
    return OrderDocument{QFileInfo(path).fileName(), file.readAll()};
}

} // namespace trunkline::core
