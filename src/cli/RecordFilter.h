#pragma once

#include <QCoreApplication>
#include <QList>
#include <QRegularExpression>
#include <QStringList>
#include <QVariant>
#include <optional>

namespace trunkline::cli {

// The --filter language of `export`: conditions joined by "," that must all hold.
//   column=pattern   the column's text matches the pattern (case-insensitive; * = any run of characters)
//   column!=pattern  it does not
// e.g. "usageType=DirectNumber,number=+4930*" or "status!=Enabled". Columns are the export's column
// names; a pattern may be empty ("extensionId=" selects company numbers).
class RecordFilter {
    Q_DECLARE_TR_FUNCTIONS(RecordFilter)

public:
    // nullopt with *error naming the bad condition (unknown column, missing "=").
    static std::optional<RecordFilter> parse(const QString& expression, const QStringList& columns,
                                             QString* error);

    // `cells` are a row's texts in the order of the parse's columns (see cellText).
    bool matches(const QStringList& cells) const;
    bool isEmpty() const { return m_conditions.isEmpty(); }
    // The text a row's value is compared as, also used for CSV cells: lists joined with spaces, flags
    // as true/false.
    static QString cellText(const QVariant& value);

private:
    struct Condition {
        qsizetype column;
        QRegularExpression pattern;
        bool negated = false;
    };
    QList<Condition> m_conditions;
};

} // namespace trunkline::cli
