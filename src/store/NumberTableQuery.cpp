#include "store/NumberTableQuery.h"

#include "store/Database.h"
#include "store/PendingChange.h"
#include "store/PhoneNumberRepository.h"
#include "store/SqlUtil.h"

#include <QRegularExpression>
#include <QSqlQuery>
#include <QStringList>
#include <sqlite3.h>

using namespace Qt::StringLiterals;

namespace trunkline::store {

namespace {

// SQL for each sort key. Capabilities are not a column: they follow from the call type and the
// features (and Restcomm's flags), so sorting by them groups by call type, then features.
QString sortExpression(NumberSortKey key) {
    switch (key) {
    case NumberSortKey::Number:
        return u"n.e164"_s;
    case NumberSortKey::Label:
        return u"n.label"_s;
    case NumberSortKey::UsageType:
        return u"n.usage_type"_s;
    case NumberSortKey::PaymentType:
        return u"n.payment_type"_s;
    case NumberSortKey::CallType:
        return u"n.call_type"_s;
    case NumberSortKey::Features:
        return u"COALESCE(n.listed_features, n.features)"_s;
    case NumberSortKey::Extension:
        return u"n.extension_number"_s;
    case NumberSortKey::Status:
        return u"n.status"_s;
    case NumberSortKey::Provider:
        return u"n.provider"_s;
    case NumberSortKey::Capabilities:
        return u"(n.call_type || '|' || COALESCE(n.listed_features, n.features))"_s;
    }
    return u"n.e164"_s;
}

struct Where : sql::Where {
    bool needsExtensions = false;
};

// The smallest digit string greater than every string that starts with `prefix` ("4930" -> "4931",
// "4939" -> "494"); empty when there is none ("999").
QString digitsPrefixSuccessor(QString prefix) {
    while (!prefix.isEmpty() && prefix.back() == u'9')
        prefix.chop(1);
    if (!prefix.isEmpty())
        prefix.back() = QChar(prefix.back().unicode() + 1);
    return prefix;
}

Where whereFor(const NumberTableFilter& filter) {
    Where w;
    if (filter.profileId)
        w.add(u"n.profile_id = ?"_s, {*filter.profileId});
    const QString digits = NumberTableQuery::digitsLikePattern(filter.digitsPattern);
    if (!digits.isEmpty()) {
        w.add(u"n.digits LIKE ?"_s, {digits});
        // The same condition as an index range when the pattern starts with digits: every row the LIKE
        // keeps lies in [prefix, prefix + 1). Digit strings compare the same under any collation.
        const QString prefix = digits.left(digits.indexOf(QRegularExpression(u"[%_]"_s)));
        if (!prefix.isEmpty()) {
            w.add(u"n.digits >= ?"_s, {prefix});
            const QString next = digitsPrefixSuccessor(prefix);
            if (!next.isEmpty())
                w.add(u"n.digits < ?"_s, {next});
        }
    }
    w.needsExtensions = w.addContains(
        {u"LOWER(n.label)"_s, u"LOWER(COALESCE(e.name, ''))"_s, u"n.extension_number"_s}, filter.text);
    if (filter.usageType)
        w.add(u"n.usage_type = ?"_s, {core::toWire(*filter.usageType)});
    if (!filter.provider.isEmpty())
        w.add(u"n.provider = ?"_s, {filter.provider});
    if (filter.unassignedOnly) {
        w.conditions << u"n.extension_id = ''"_s;
    }
    return w;
}

const QString kJoinExtensions =
    u" LEFT JOIN extensions e ON e.profile_id = n.profile_id AND e.id = n.extension_id"_s;

} // namespace

NumberTableQuery::NumberTableQuery(Database& database)
    : m_database(database) {
}

QString NumberTableQuery::digitsLikePattern(const QString& pattern) {
    const QString trimmed = pattern.trimmed();
    QString out;
    bool wildcard = false;
    bool anyDigit = false;
    for (const QChar c : trimmed) {
        if (c >= u'0' && c <= u'9') {
            out += c;
            anyDigit = true;
        } else if (c == u'*') {
            wildcard = true;
            if (!out.endsWith(u'%')) {
                out += u'%';
            }
        } else if (c == u'?') {
            wildcard = true;
            out += u'_';
            anyDigit = true;
        }
        // Anything else (+, spaces, brackets, dashes, letters) is formatting: the digits column has none.
    }
    if (!anyDigit) {
        return {};
    }
    if (wildcard) {
        return out;
    }
    return (trimmed.startsWith(u'+') ? QString() : u"%"_s) + out + u'%';
}

NumberPageKey NumberTableQuery::keyOf(const NumberRow& row) {
    return {row.sortValue, row.profileId, row.record.id};
}

qint64 NumberTableQuery::count(const NumberTableFilter& filter, QString* error) const {
    const Where w = whereFor(filter);
    return sql::countRows(m_database,
                          u"SELECT COUNT(*) FROM phone_numbers n"_s +
                              (w.needsExtensions ? kJoinExtensions : QString()) + w.sql(),
                          w.values, tr("Cannot count the phone numbers"), error);
}

namespace {

// How a page is read: in the order of the sort key's index, or by a scan of the table in its own order
// and a sort of the rows that pass (SQLite's unary + keeps an expression from using an index).
enum class Plan { IndexWalk, TableScan };

// A page of the table, its columns those of NumberTableQuery::TextColumn.
sql::Statement pageStatement(const NumberTableFilter& filter, NumberSortKey sortKey, Qt::SortOrder order,
                             const std::optional<NumberPageKey>& after, int limit,
                             Plan plan = Plan::IndexWalk) {
    const QString sortBy = (plan == Plan::TableScan ? u"+"_s : QString()) + sortExpression(sortKey);
    const sql::KeysetOrder keyset{sortBy, u"n"_s, order == Qt::AscendingOrder};
    const QString select =
        // The number's columns in PhoneNumberRepository::decodeRow's order, from column 1.
        u"SELECT n.profile_id, n.id, n.provider, n.e164, n.digits, n.label, n.usage_type, n.payment_type, "
        // RingCentral's features come from the extensions' number lists (listed_features) once read.
        u"n.call_type, n.status, COALESCE(n.listed_features, n.features), n.extension_id, "
        u"n.extension_number, n.restcomm_json, n.version, "
        u"COALESCE(e.name, ''), %1 FROM phone_numbers n"_s.arg(keyset.sortBy) +
        kJoinExtensions;
    return keyset.pageStatement(select, whereFor(filter), after, limit);
}

// Interrupts the statements an SQLite connection runs once they have taken `steps` of its virtual
// machine's steps together, while it lives.
class StatementBudget {
public:
    StatementBudget(const Database& database, qint64 steps)
        : m_handle(database.sqliteHandle())
        , m_stepsLeft(steps) {
        if (m_handle)
            sqlite3_progress_handler(m_handle, kStepsBetweenChecks, &StatementBudget::onProgress, this);
    }
    ~StatementBudget() {
        if (m_handle)
            sqlite3_progress_handler(m_handle, 0, nullptr, nullptr);
    }
    StatementBudget(const StatementBudget&) = delete;
    StatementBudget& operator=(const StatementBudget&) = delete;

    // Whether a statement was interrupted for it.
    bool exceeded() const { return m_exceeded; }

private:
    // SQLite calls the handler once per this many steps.
    static constexpr int kStepsBetweenChecks = 1000;

    static int onProgress(void* context) {
        auto* self = static_cast<StatementBudget*>(context);
        self->m_stepsLeft -= kStepsBetweenChecks;
        self->m_exceeded = self->m_exceeded || self->m_stepsLeft < 0;
        return self->m_exceeded ? 1 : 0;
    }

    sqlite3* m_handle;
    qint64 m_stepsLeft;
    bool m_exceeded = false;
};

} // namespace

QList<NumberRow> NumberTableQuery::page(const NumberTableFilter& filter, NumberSortKey sortKey,
                                        Qt::SortOrder order, const std::optional<NumberPageKey>& after,
                                        int limit, QString* error) const {
    if (m_database.isPostgres() || filter.text.trimmed().isEmpty())
        return readPage(pageStatement(filter, sortKey, order, after, limit), error);
    {
        const StatementBudget budget(m_database, m_walkBudget);
        QString walkError;
        const QList<NumberRow> rows =
            readPage(pageStatement(filter, sortKey, order, after, limit), &walkError);
        if (!budget.exceeded()) {
            if (!walkError.isEmpty())
                sql::fail(error, walkError);
            return rows;
        }
    }
    ++m_pagesReadByScan;
    return readPage(pageStatement(filter, sortKey, order, after, limit, Plan::TableScan), error);
}

QList<NumberRow> NumberTableQuery::readPage(const sql::Statement& statement, QString* error) const {
    QSqlQuery query = sql::preparedQuery(m_database, statement.text, statement.values);
    const auto fromRow = [](const QSqlQuery& q) {
        NumberRow row;
        row.profileId = q.value(ProfileIdText).toLongLong();
        row.record = PhoneNumberRepository::decodeRow(q, IdText);
        row.version = q.value(VersionText).toString();
        row.extensionName = q.value(ExtensionNameText).toString();
        row.sortValue = q.value(SortValueText).toString();
        return row;
    };
    return sql::readRows(m_database, query, fromRow, tr("Cannot read the phone numbers"), error);
}

std::optional<NumberTableQuery::TextPage>
NumberTableQuery::textPage(const NumberTableFilter& filter, NumberSortKey sortKey, Qt::SortOrder order,
                           const std::optional<NumberPageKey>& after, int limit, const TextRowSink& sink,
                           QString* error) const {
    const sql::Statement statement = pageStatement(filter, sortKey, order, after, limit);
    TextPage page;
    // The last row's key is kept as bytes, which reuse their capacity row after row.
    QByteArray sortValue;
    QByteArray id;
    qint64 profileId = 0;
    const auto eachRow = [&](const QList<QByteArrayView>& cells) {
        ++page.rows;
        sortValue.resize(0);
        sortValue.append(cells.at(SortValueText));
        id.resize(0);
        id.append(cells.at(IdText));
        profileId = cells.at(ProfileIdText).toLongLong();
        return sink(cells);
    };
    if (!forEachTextRow(m_database, statement.text, statement.values, eachRow, error)) {
        return std::nullopt;
    }
    page.last = {QString::fromUtf8(sortValue), profileId, QString::fromUtf8(id)};
    return page;
}

NumberRow NumberTableQuery::rowFromText(const QList<QByteArrayView>& cells) {
    NumberRow row;
    row.profileId = cells.at(ProfileIdText).toLongLong();
    row.record = PhoneNumberRepository::decodeTexts(cells, IdText);
    row.version = QString::fromUtf8(cells.at(VersionText));
    row.extensionName = QString::fromUtf8(cells.at(ExtensionNameText));
    row.sortValue = QString::fromUtf8(cells.at(SortValueText));
    return row;
}

QHash<NumberTableQuery::NumberKey, QJsonObject> NumberTableQuery::pendingUpdates(QString* error) const {
    QHash<NumberKey, QJsonObject> updates;
    QSqlQuery query = sql::preparedQuery(
        m_database,
        u"SELECT profile_id, entity_key, payload FROM pending_changes WHERE entity = ? AND operation = ? "
        u"AND state IN ('pending', 'applying', 'failed', 'conflict') ORDER BY id"_s,
        {u"phone_number"_s, toText(ChangeOperation::Update)});
    if (!query.exec()) {
        sql::fail(error, m_database, tr("Cannot read the pending changes"), query);
        return updates;
    }
    while (query.next()) {
        QJsonObject& merged = updates[NumberKey(query.value(0).toLongLong(), query.value(1).toString())];
        const QJsonObject payload = sql::jsonObject(query.value(2));
        for (auto it = payload.begin(); it != payload.end(); ++it) {
            merged.insert(it.key(), it.value());
        }
    }
    return updates;
}

} // namespace trunkline::store
