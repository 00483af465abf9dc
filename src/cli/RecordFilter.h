#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QRegularExpression>
#include <QStringList>
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

    bool matches(const QJsonObject& row) const;
    // The text a row's value is compared as (arrays joined with spaces), also used for CSV cells.
    static QString cellText(const QJsonValue& value);

private:
    struct Condition {
        QString column;
        QRegularExpression pattern;
        bool negated = false;
    };
    QList<Condition> m_conditions;
};

} // namespace trunkline::cli
