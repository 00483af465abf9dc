#pragma once

#include "core/PhoneNumberRecord.h"
#include "core/RouteMatcher.h"
#include "gui/RowListModel.h"
#include "store/PendingChange.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace trunkline::gui {

// The incoming numbers and regex routes of one Restcomm profile as the Routing page lists them, in the
// order of the route entries the tester and linter are given (row = entry index), with the row of the
// dialed number's winner highlighted. Rows with a staged edit are shown as edited, and staged additions
// after the stored rows, in italics.
class RoutesModel : public RowListModel<core::PhoneNumberRecord> {
    Q_OBJECT

public:
    enum Column { EntryColumn, KindColumn, FriendlyNameColumn, VoiceColumn, SmsColumn, ColumnCount };

    explicit RoutesModel(QObject* parent = nullptr)
        : RowListModel(ColumnCount, parent) {}

    // `numbers` with their staged edits applied; `staged` holds the ids of those with a staged edit, and
    // `revisions` the revision of each staged update as shown.
    void setNumbers(const QList<core::PhoneNumberRecord>& numbers, const QList<core::RouteEntry>& entries,
                    const QSet<QString>& staged, const QHash<QString, qint64>& revisions);
    const core::PhoneNumberRecord& numberAt(int row) const { return m_rows.at(row); }
    const QList<core::RouteEntry>& entries() const { return m_entries; }
    bool isStaged(int row) const { return m_staged.contains(m_rows.at(row).id); }
    // The revision of the number's staged update as shown (kShowedNoStagedChange for none): an edit is
    // made on it.
    qint64 stagedRevisionOf(const QString& numberId) const {
        return m_revisions.value(numberId, store::PendingChange::kShowedNoStagedChange);
    }

    // The winner shown in bold on a highlighted background; -1 for none.
    void setHighlightedRow(int row);
    int highlightedRow() const { return m_highlighted; }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString text(int row, int column) const;

    QList<core::RouteEntry> m_entries;
    QSet<QString> m_staged;
    QHash<QString, qint64> m_revisions;
    int m_highlighted = -1;
};

} // namespace trunkline::gui
