#include "cli/RecordFilter.h"

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
        const qsizetype index = columns.indexOf(column);
        if (index < 0) {
            *error =
                tr("--filter: unknown column “%1”; the columns are %2.").arg(column, columns.join(u", "_s));
            return std::nullopt;
        }
        // Only * is special: everything else is matched literally (a "+" in a number is just a "+").
        QStringList pieces;
        for (const QString& piece : condition.mid(equals + 1).split(u'*'))
            pieces << QRegularExpression::escape(piece);
        const QString regex = pieces.join(u".*"_s);
        filter.m_conditions.append({index,
                                    QRegularExpression(QRegularExpression::anchoredPattern(regex),
                                                       QRegularExpression::CaseInsensitiveOption),
                                    negated});
    }
    return filter;
}

bool RecordFilter::matches(const QStringList& cells) const {
    for (const Condition& condition : m_conditions) {
        const bool hit = condition.pattern.match(cells.value(condition.column)).hasMatch();
        if (hit == condition.negated)
            return false;
    }
    return true;
}

QString RecordFilter::cellText(const QVariant& value) {
    switch (value.typeId()) {
    case QMetaType::QStringList:
        return value.toStringList().join(u' ');
    case QMetaType::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    default:
        return value.toString();
    }
}

} // namespace trunkline::cli
