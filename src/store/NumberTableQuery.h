#pragma once

#include "core/PhoneNumberRecord.h"
#include "store/SqlUtil.h"
#include "store/TextRows.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace trunkline::store {

class Database;

// What the numbers table shows; unset members do not filter.
struct NumberTableFilter {
    std::optional<qint64> profileId; // unset: the numbers of every profile
    // Digits with wildcards. With '*' (any digits) or '?' (one digit) the pattern matches the whole
    // number: "+4930*12*" is every number that starts with 4930 and has 12 later. Without wildcards
    // the digits may occur anywhere, and a leading '+' anchors them at the start. Spaces, dashes and
    // brackets are ignored, so a number pasted as "+49 (30) 12" works.
    QString digitsPattern;
    QString text; // part of the label, the assigned extension's name or number, case-insensitive
    std::optional<core::UsageType> usageType;
    QString provider; // core::kProvider*
    bool unassignedOnly = false;

    friend bool operator==(const NumberTableFilter&, const NumberTableFilter&) = default;
};

// The columns the table can be sorted by, in SQL.
enum class NumberSortKey {
    Number,
    Label,
    UsageType,
    PaymentType,
    CallType,
    Features,
    Extension,
    Status,
    Provider,
    Capabilities,
};

// One row of the numbers table.
struct NumberRow {
    qint64 profileId = 0;
    // Restcomm rows carry only the capability flags of their attributes here; the details panel reads
    // the whole record through PhoneNumberRepository::find().
    core::PhoneNumberRecord record;
    QString extensionName; // "" when the number is unassigned or the extension is not in the store
    QString version;       // the record's fingerprint, the base of a pending change
    QString sortValue;     // the row's value of the sort key (keyset paging, raw-value role)
};

using NumberPageKey = PageKey;

// The paged, filtered and sorted reads behind the console's numbers table. Pages are keyset pages
// (WHERE (sort value, profile, id) > last row's), so the thousandth page costs what the first does,
// unlike OFFSET which reads and drops every row before it.
class NumberTableQuery {
    Q_DECLARE_TR_FUNCTIONS(NumberTableQuery)

public:
    explicit NumberTableQuery(Database& database);

    // The LIKE pattern for NumberTableFilter::digitsPattern; empty when the pattern holds no digit.
    static QString digitsLikePattern(const QString& pattern);
    static NumberPageKey keyOf(const NumberRow& row);

    // How many numbers pass the filter; -1 on error.
    qint64 count(const NumberTableFilter& filter, QString* error = nullptr) const;
    // Up to `limit` rows after `after` (from the first row when unset) in the given order.
    //
    // A text filter (label, extension) can only be checked row by row, and SQLite walks the sort index
    // to spare a sort: with few matches that walk reads most of the table in index order, 7.5 s for a
    // label no number has among a million (bench/ui/README.md), where a scan in table order with a sort
    // of the matches takes 1.3 s. So on SQLite such a walk gets walkBudget() of SQLite's virtual machine
    // steps, and past it the page is read by the scan instead. Steps, not time: a busy machine makes both
    // plans slower, and a time budget would then send pages the walk finishes soon to the slower scan.
    QList<NumberRow> page(const NumberTableFilter& filter, NumberSortKey sortKey, Qt::SortOrder order,
                          const std::optional<NumberPageKey>& after, int limit,
                          QString* error = nullptr) const;

    // The columns of a page read as text (textPage()), in this order.
    enum TextColumn {
        ProfileIdText,
        IdText, // the number's columns as PhoneNumberRepository::decodeTexts reads them, from here
        ProviderText,
        E164Text,
        DigitsText,
        LabelText,
        UsageTypeText,
        PaymentTypeText,
        CallTypeText,
        StatusText,
        FeaturesText, // the listed features once read, like NumberRow's
        ExtensionIdText,
        ExtensionNumberText,
        RestcommJsonText, // NULL unless the number is Restcomm's
        VersionText,
        ExtensionNameText,
        SortValueText,
    };
    struct TextPage {
        int rows = 0;
        NumberPageKey last; // where the next page starts; meaningless when rows is 0
    };
    // The page page() reads, handed to `sink` row by row as UTF-8 cells (store/TextRows.h) without
    // building a NumberRow: for exports of millions of rows. nullopt on a read error (*error says
    // why) or when `sink` stopped.
    std::optional<TextPage> textPage(const NumberTableFilter& filter, NumberSortKey sortKey,
                                     Qt::SortOrder order, const std::optional<NumberPageKey>& after,
                                     int limit, const TextRowSink& sink, QString* error = nullptr) const;
    // The NumberRow that page() would have read for these cells.
    static NumberRow rowFromText(const QList<QByteArrayView>& cells);

    // The merged payloads of phone-number updates that are staged but not applied yet, by
    // (profile, number id); later changes win field by field.
    using NumberKey = QPair<qint64, QString>;
    QHash<NumberKey, QJsonObject> pendingUpdates(QString* error = nullptr) const;

    // About 25 steps per row walked: the default walks some 20,000 rows (0.15 s on bench/ui's machine);
    // a label one number in twelve has finds its 200 rows in under 100,000 steps.
    static constexpr qint64 kDefaultWalkBudget = 500'000;
    qint64 walkBudget() const { return m_walkBudget; }
    void setWalkBudget(qint64 steps) { m_walkBudget = steps; }
    // Pages read by the scan since this query was made: lets tests and the benchmark see the budget.
    int pagesReadByScan() const { return m_pagesReadByScan; }

private:
    QList<NumberRow> readPage(const sql::Statement& statement, QString* error) const;

    Database& m_database;
    qint64 m_walkBudget = kDefaultWalkBudget;
    mutable int m_pagesReadByScan = 0;
};

} // namespace trunkline::store
