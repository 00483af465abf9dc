#include "gui/routing/RoutesModel.h"

#include "models/ColumnTitles.h"

#include <QFont>
#include <QGuiApplication>
#include <QPalette>
#include <array>

namespace trunkline::gui {

namespace {

// Where a number sends calls or messages: its application when it has one (Restcomm prefers it to the
// URL), by name when the last sync gave one, else its URL; empty when neither is set.
QString destination(const QString& applicationSid, const QString& applicationName, const QString& url) {
    if (!applicationSid.isEmpty() && !applicationName.isEmpty())
        return RoutesModel::tr("Application “%1” (%2)").arg(applicationName, applicationSid);
    if (!applicationSid.isEmpty())
        return RoutesModel::tr("Application %1").arg(applicationSid);
    return url;
}

} // namespace

void RoutesModel::setNumbers(const QList<core::PhoneNumberRecord>& numbers,
                             const QList<core::RouteEntry>& entries, const QSet<QString>& staged,
                             const QHash<QString, qint64>& revisions) {
    beginResetModel();
    m_rows = numbers;
    m_entries = entries;
    m_staged = staged;
    m_revisions = revisions;
    m_highlighted = -1;
    endResetModel();
}

void RoutesModel::setHighlightedRow(int row) {
    if (row == m_highlighted)
        return;
    const int previous = m_highlighted;
    m_highlighted = row;
    for (const int changed : {previous, row}) {
        if (changed >= 0 && changed < rowCount())
            emit dataChanged(index(changed, 0), index(changed, ColumnCount - 1));
    }
}

QString RoutesModel::text(int row, int column) const {
    const core::PhoneNumberRecord& number = m_rows.at(row);
    const core::RestcommAttributes attributes = number.restcomm.value_or(core::RestcommAttributes{});
    switch (column) {
    case EntryColumn:
        return number.e164;
    case KindColumn:
        if (!core::RouteMatcher::isRegexEntry(number.e164) || !m_entries.at(row).pureSip)
            return tr("Number");
        return number.e164 == u"*" ? tr("Catch-all") : tr("Pattern");
    case FriendlyNameColumn:
        return number.label;
    case VoiceColumn:
        return destination(attributes.voiceApplicationSid, attributes.voiceApplicationName,
                           attributes.voiceUrl);
    case SmsColumn:
        return destination(attributes.smsApplicationSid, attributes.smsApplicationName, attributes.smsUrl);
    default:
        return {};
    }
}

QVariant RoutesModel::data(const QModelIndex& index, int role) const {
    if (!rowOf(index))
        return {};
    const int row = index.row();
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return text(row, index.column());
    case Qt::FontRole: {
        QFont font;
        font.setBold(row == m_highlighted);
        font.setItalic(isStaged(row));
        return font;
    }
    case Qt::BackgroundRole:
        if (row == m_highlighted) {
            QColor color = QGuiApplication::palette().color(QPalette::Highlight);
            color.setAlpha(60); // a tint, so the row's text keeps its normal colour
            return color;
        }
        return {};
    default:
        return {};
    }
}

QVariant RoutesModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    static constexpr std::array<const char*, ColumnCount> kTitles = {
        QT_TR_NOOP("Number or pattern"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Friendly name"),
        QT_TR_NOOP("Voice URL or application"), QT_TR_NOOP("SMS URL or application")};
    return models::columnTitle(staticMetaObject, kTitles, section);
}

} // namespace trunkline::gui
