#pragma once

#include "core/ForwardingRules.h"

#include <QAbstractTableModel>
#include <QList>
#include <QSet>

namespace trunkline::store {
class Database;
}

namespace trunkline::models {

// One extension's forwarding / call-flip list as the admin edits it. Reads the stored list, keeps the
// edits in memory (rows reorder by drag and drop or move up/down, entries are added, edited, removed)
// until the editor stages them (changes::ForwardingListPlan turns the difference into pending changes). The
// row order of the entries with the CallFlip feature is the flip order: their flip numbers are
// renumbered 1..n after every edit, so the shortcut digits always follow what the admin sees.
class ForwardingListModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { FlipColumn, NumberColumn, TypeColumn, LabelColumn, FeaturesColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        EntryIdRole = Qt::UserRole + 1,
        ProblemRole, // the entry's rule messages joined by new lines; empty when it is fine
    };

    static inline const QString kMimeType = QStringLiteral("application/x-trunkline-forwarding-rows");

    explicit ForwardingListModel(store::Database& database, QObject* parent = nullptr);

    // Reads the stored list (sorted into flip order) and forgets every edit. False with *error.
    bool load(qint64 profileId, const QString& extensionId, QString* error = nullptr);
    void clear();
    qint64 profileId() const { return m_profileId; }
    QString extensionId() const { return m_extensionId; }

    // The account's direct numbers (E.164): a forwarding number may not be one of them.
    void setAccountDirectNumbers(const QSet<QString>& e164) { m_directNumbers = e164; }

    const QList<core::ForwardingNumber>& entries() const { return m_entries; }
    const QList<core::ForwardingNumber>& storedEntries() const { return m_stored; }
    core::ForwardingNumber entry(int row) const { return m_entries.value(row); }
    bool isModified() const { return m_entries != m_stored; }

    // Replaces one entry (flip numbers are renumbered afterwards).
    bool setEntry(int row, const core::ForwardingNumber& number);
    // Appends an entry; -1 with *error ("at most 10") when the list is full.
    int addEntry(const core::ForwardingNumber& number, QString* error = nullptr);
    bool removeEntry(int row);
    bool moveUp(int row);
    bool moveDown(int row);
    void revert();

    // Every rule the edited list breaks (core::validateForwardingList).
    QList<core::RuleViolation> violations() const;
    // The edited list becomes the baseline (after its changes were staged as pending changes).
    void acceptEdits();

    static QString headerText(int column);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;

    Qt::DropActions supportedDropActions() const override { return Qt::MoveAction; }
    Qt::DropActions supportedDragActions() const override { return Qt::MoveAction; }
    QStringList mimeTypes() const override { return {kMimeType}; }
    QMimeData* mimeData(const QModelIndexList& indexes) const override;
    bool canDropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                         const QModelIndex& parent) const override;
    bool dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                      const QModelIndex& parent) override;
    bool moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                  const QModelIndex& destinationParent, int destinationChild) override;

signals:
    void modifiedChanged(bool modified);
    void entriesChanged();

private:
    void renumberFlips();
    void afterEdit();
    QString problemsOf(int row) const;

    store::Database& m_database;
    qint64 m_profileId = 0;
    QString m_extensionId;
    QSet<QString> m_directNumbers;
    QList<core::ForwardingNumber> m_stored;
    QList<core::ForwardingNumber> m_entries;
    bool m_wasModified = false;
};

} // namespace trunkline::models
