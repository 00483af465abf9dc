#include "cli/RecordFilter.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace trunkline::cli {

std::optional<RecordFilter> RecordFilter::parse(const QString& expression, const QStringList& columns,
                                                QString* error) {
    RecordFilter filter;
    if (expression.trimmed().isEmpty())
        return filter;
    for (const QString& part : expression.split(u',')) {
        const QString condition = part.trimmed();
        const qsizetype equals = condition.indexOf(u'=');
        if (equals <= 0) {
            *error = tr("--filter: “%1” is not column=pattern or column!=pattern.").arg(condition);
            return std::nullopt;
        }
        const bool negated = condition.at(equals - 1) == u'!';
        const QString column = condition.left(negated ? equals - 1 : equals).trimmed();
        if (!columns.contains(column)) {
            *error =
                tr("--filter: unknown column “%1”; the columns are %2.").arg(column, columns.join(u", "_s));
            return std::nullopt;
        }
        // Only * is special: everything else is matched literally (a "+" in a number is just a "+").
        QStringList pieces;
        for (const QString& piece : condition.mid(equals + 1).split(u'*'))
            pieces << QRegularExpression::escape(piece);
        const QString regex = pieces.join(u".*"_s);
        filter.m_conditions.append({column,
                                    QRegularExpression(QRegularExpression::anchoredPattern(regex),
                                                       QRegularExpression::CaseInsensitiveOption),
                                    negated});
    }
    return filter;
}

bool RecordFilter::matches(const QJsonObject& row) const {
    for (const Condition& condition : m_conditions) {
        const bool hit = condition.pattern.match(cellText(row.value(condition.column))).hasMatch();
        if (hit == condition.negated)
            return false;
    }
    return true;
}

QString RecordFilter::cellText(const QJsonValue& value) {
    switch (value.type()) {
    case QJsonValue::Array: {
        QStringList parts;
        for (const QJsonValue& item : value.toArray())
            parts << cellText(item);
        return parts.join(u' ');
    }
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', 15);
    case QJsonValue::String:
        return value.toString();
    default:
        return {};
    }
}

} // namespace trunkline::cli
