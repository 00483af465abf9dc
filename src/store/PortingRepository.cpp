#include "store/PortingRepository.h"

#include "store/Transaction.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

// Exception codes are an open set of provider words; a JSON array keeps any text intact.
QString codesToJson(const QStringList& codes) {
    return QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(codes)).toJson(QJsonDocument::Compact));
}

QStringList codesFromJson(const QString& json) {
    QStringList codes;
    for (const QJsonValue& value : QJsonDocument::fromJson(json.toUtf8()).array()) {
        codes << value.toString();
    }
    return codes;
}

QVariantList orderValues(const core::PortingOrder& o) {
    return {o.id,
            core::toWire(o.status),
            codesToJson(o.exceptionCodes),
            o.countryCode,
            o.customerReference,
            o.supportKey,
            sql::toText(o.focDatetimeRequested),
            sql::toText(o.createdAt),
            sql::toText(o.updatedAt)};
}

core::PortingOrder orderFromRow(const QSqlQuery& q) {
    core::PortingOrder o;
    o.id = q.value(0).toString();
    o.status = core::fromWire<core::PortingOrderStatus>(q.value(1).toString())
                   .value_or(core::PortingOrderStatus::Draft);
    o.exceptionCodes = codesFromJson(q.value(2).toString());
    o.countryCode = q.value(3).toString();
    o.customerReference = q.value(4).toString();
    o.supportKey = q.value(5).toString();
    o.focDatetimeRequested = sql::toDateTime(q.value(6));
    o.createdAt = sql::toDateTime(q.value(7));
    o.updatedAt = sql::toDateTime(q.value(8));
    return o;
}

QVariantList numberValues(const core::PortingPhoneNumber& n) {
    return {n.id,
            n.portingOrderId,
            n.phoneNumber,
            n.phoneNumberType,
            core::toWire(n.portingOrderStatus),
            n.activationStatus,
            n.portabilityStatus,
            n.requirementsStatus};
}

core::PortingPhoneNumber numberFromRow(const QSqlQuery& q) {
    core::PortingPhoneNumber n;
    n.id = q.value(0).toString();
    n.portingOrderId = q.value(1).toString();
    n.phoneNumber = q.value(2).toString();
    n.phoneNumberType = q.value(3).toString();
    n.portingOrderStatus = core::fromWire<core::PortingOrderStatus>(q.value(4).toString())
                               .value_or(core::PortingOrderStatus::Draft);
    n.activationStatus = q.value(5).toString();
    n.portabilityStatus = q.value(6).toString();
    n.requirementsStatus = q.value(7).toString();
    return n;
}

QVariantList extensionValues(const core::PhoneNumberExtension& e) {
    return {e.id,
            e.portingPhoneNumberId,
            e.extensionRange.startAt,
            e.extensionRange.endAt,
            sql::toText(e.createdAt),
            sql::toText(e.updatedAt)};
}

core::PhoneNumberExtension extensionFromRow(const QSqlQuery& q) {
    core::PhoneNumberExtension e;
    e.id = q.value(0).toString();
    e.portingPhoneNumberId = q.value(1).toString();
    e.extensionRange.startAt = q.value(2).toInt();
    e.extensionRange.endAt = q.value(3).toInt();
    e.createdAt = sql::toDateTime(q.value(4));
    e.updatedAt = sql::toDateTime(q.value(5));
    return e;
}

} // namespace

int PortOrderOverview::activeCount() const {
    int count = 0;
    for (const core::PhoneNumberExtension& extension : extensions) {
        for (const core::NumberRange& range : extension.activationRanges)
            count += range.size();
    }
    return count;
}

PortingRepository::PortingRepository(Database& database)
    : m_database(database)
    , m_orders(database,
               {u"porting_orders"_s,
                {u"id"_s, u"status"_s, u"exception_codes"_s, u"country_code"_s, u"customer_reference"_s,
                 u"support_key"_s, u"foc_datetime_requested"_s, u"created_at"_s, u"updated_at"_s},
                QT_TRANSLATE_NOOP("Repository", "porting orders")},
               orderValues, orderFromRow, u"created_at DESC, id"_s)
    , m_numbers(database,
                {u"porting_phone_numbers"_s,
                 {u"id"_s, u"porting_order_id"_s, u"phone_number"_s, u"phone_number_type"_s,
                  u"porting_order_status"_s, u"activation_status"_s, u"portability_status"_s,
                  u"requirements_status"_s},
                 QT_TRANSLATE_NOOP("Repository", "porting phone numbers")},
                numberValues, numberFromRow, u"phone_number, id"_s)
    , m_extensions(database,
                   {u"phone_number_extensions"_s,
                    {u"id"_s, u"porting_phone_number_id"_s, u"range_start"_s, u"range_end"_s, u"created_at"_s,
                     u"updated_at"_s},
                    QT_TRANSLATE_NOOP("Repository", "phone number extensions")},
                   extensionValues, extensionFromRow, u"range_start, id"_s) {
}

bool PortingRepository::upsertOrders(qint64 profileId, const QList<core::PortingOrder>& orders,
                                     QString* error) {
    return m_orders.upsert(profileId, orders, error);
}

bool PortingRepository::removeOrdersExcept(qint64 profileId, const QStringList& keptIds, QString* error,
                                           int* removed) {
    return m_orders.removeAllExcept(profileId, keptIds, error, removed);
}

bool PortingRepository::removeOrder(qint64 profileId, const QString& id, QString* error) {
    return m_orders.remove(profileId, id, error);
}

std::optional<core::PortingOrder> PortingRepository::findOrder(qint64 profileId, const QString& id,
                                                               QString* error) const {
    return m_orders.find(profileId, id, error);
}

QList<core::PortingOrder> PortingRepository::orders(qint64 profileId,
                                                    std::optional<core::PortingOrderStatus> status,
                                                    QString* error) const {
    if (status) {
        return m_orders.select(profileId, {{u"status = ?"_s}, {core::toWire(*status)}}, error);
    }
    return m_orders.select(profileId, {}, error);
}

std::optional<RecordState> PortingRepository::orderState(qint64 profileId, const QString& id,
                                                         QString* error) const {
    return m_orders.state(profileId, id, error);
}

bool PortingRepository::upsertPhoneNumbers(qint64 profileId, const QList<core::PortingPhoneNumber>& numbers,
                                           QString* error) {
    return m_numbers.upsert(profileId, numbers, error);
}

bool PortingRepository::removePhoneNumbersExcept(qint64 profileId, const QStringList& keptIds, QString* error,
                                                 int* removed) {
    return m_numbers.removeAllExcept(profileId, keptIds, error, removed);
}

QList<core::PortingPhoneNumber>
PortingRepository::phoneNumbers(qint64 profileId, const QString& portingOrderId, QString* error) const {
    return m_numbers.select(profileId, {{u"porting_order_id = ?"_s}, {portingOrderId}}, error);
}

std::optional<core::PortingPhoneNumber>
PortingRepository::findPhoneNumber(qint64 profileId, const QString& id, QString* error) const {
    return m_numbers.find(profileId, id, error);
}

QString PortingRepository::versionOf(const core::PhoneNumberExtension& extension) {
    QVariantList values = extensionValues(extension);
    for (const auto& range : extension.activationRanges) {
        values << range.startAt << range.endAt;
    }
    return sql::fingerprint(values);
}

bool PortingRepository::upsertExtensions(qint64 profileId,
                                         const QList<core::PhoneNumberExtension>& extensions,
                                         QString* error) {
    // Declared before the transaction so they are released after the rollback (PostgreSQL).
    QSqlQuery remove(m_database.connection());
    QSqlQuery insert(m_database.connection());
    Transaction transaction(m_database);
    if (!transaction.isActive()) {
        return sql::fail(error, transaction.error());
    }
    const auto version = [](const core::PhoneNumberExtension& extension) {
        return versionOf(extension);
    };
    if (!m_extensions.upsert(profileId, extensions, error, version)) {
        return false;
    }
    {
        remove.prepare(
            u"DELETE FROM activation_ranges WHERE profile_id = ? AND phone_number_extension_id = ?"_s);
        insert.prepare(
            u"INSERT INTO activation_ranges (profile_id, phone_number_extension_id, position, start_at, "
            u"end_at) VALUES (?, ?, ?, ?, ?)"_s);
        for (const auto& extension : extensions) {
            remove.addBindValue(profileId);
            remove.addBindValue(extension.id);
            if (!remove.exec()) {
                return sql::fail(error, m_database,
                                 tr("Cannot replace the activation ranges of %1").arg(extension.id), remove);
            }
            int position = 0;
            for (const auto& range : extension.activationRanges) {
                insert.addBindValue(profileId);
                insert.addBindValue(extension.id);
                insert.addBindValue(position++);
                insert.addBindValue(range.startAt);
                insert.addBindValue(range.endAt);
                if (!insert.exec()) {
                    return sql::fail(error, m_database,
                                     tr("Cannot save activation range %1–%2 of %3")
                                         .arg(range.startAt)
                                         .arg(range.endAt)
                                         .arg(extension.id),
                                     insert);
                }
            }
        }
    }
    if (!transaction.commit()) {
        return sql::fail(error, transaction.error());
    }
    return true;
}

bool PortingRepository::removeExtensionsExcept(qint64 profileId, const QStringList& keptIds, QString* error,
                                               int* removed) {
    return m_extensions.removeAllExcept(profileId, keptIds, error, removed);
}

bool PortingRepository::removeExtension(qint64 profileId, const QString& id, QString* error) {
    return m_extensions.remove(profileId, id, error);
}

QList<core::PhoneNumberExtension>
PortingRepository::extensions(qint64 profileId, const QString& portingPhoneNumberId, QString* error) const {
    QString readError;
    QList<core::PhoneNumberExtension> found = m_extensions.select(
        profileId, {{u"porting_phone_number_id = ?"_s}, {portingPhoneNumberId}}, &readError);
    if (!readError.isEmpty() || !loadActivationRanges(profileId, found, &readError)) {
        sql::fail(error, readError);
        return {};
    }
    return found;
}

std::optional<core::PhoneNumberExtension>
PortingRepository::findExtension(qint64 profileId, const QString& id, QString* error) const {
    QString readError;
    QList<core::PhoneNumberExtension> found =
        m_extensions.select(profileId, {{u"id = ?"_s}, {id}}, &readError);
    if (!readError.isEmpty() || !loadActivationRanges(profileId, found, &readError)) {
        sql::fail(error, readError);
        return std::nullopt;
    }
    if (found.isEmpty()) {
        return std::nullopt;
    }
    return found.constFirst();
}

std::optional<RecordState> PortingRepository::extensionState(qint64 profileId, const QString& id,
                                                             QString* error) const {
    return m_extensions.state(profileId, id, error);
}

bool PortingRepository::loadActivationRanges(qint64 profileId, QList<core::PhoneNumberExtension>& extensions,
                                             QString* error) const {
    if (extensions.isEmpty()) {
        return true;
    }
    QSqlQuery query(m_database.connection());
    query.setForwardOnly(true);
    query.prepare(u"SELECT start_at, end_at FROM activation_ranges WHERE profile_id = ? AND "
                  u"phone_number_extension_id = ? ORDER BY position"_s);
    for (auto& extension : extensions) {
        query.addBindValue(profileId);
        query.addBindValue(extension.id);
        if (!query.exec()) {
            return sql::fail(error, m_database,
                             tr("Cannot read the activation ranges of %1").arg(extension.id), query);
        }
        while (query.next()) {
            extension.activationRanges << core::NumberRange{query.value(0).toInt(), query.value(1).toInt()};
        }
    }
    return true;
}

QList<PortOrderOverview> PortingRepository::overviews(qint64 profileId,
                                                      std::optional<core::PortingOrderStatus> status,
                                                      QString* error) const {
    QList<PortOrderOverview> overviews;
    QString failure;
    for (const core::PortingOrder& order : orders(profileId, status, &failure)) {
        PortOrderOverview overview{order, {}, {}};
        for (const core::PortingPhoneNumber& number : phoneNumbers(profileId, order.id, &failure)) {
            if (overview.routeNumber.isEmpty())
                overview.routeNumber = number.phoneNumber;
            overview.extensions += extensions(profileId, number.id, &failure);
        }
        overviews.append(overview);
    }
    if (error)
        *error = failure;
    return failure.isEmpty() ? overviews : QList<PortOrderOverview>{};
}

} // namespace trunkline::store
