#include "models/ForwardingListModel.h"

#include "core/ReadableNumber.h"
#include "models/ColumnTitles.h"
#include "store/ForwardingNumberRepository.h"

#include <QBrush>
#include <QDataStream>
#include <QFont>
#include <QIODevice>
#include <QMimeData>
#include <algorithm>

using namespace Qt::StringLiterals;

namespace trunkline::models {

namespace {

QString featuresText(core::ForwardingFeatures features) {
    QStringList names;
    for (const core::ForwardingFeature feature : core::allValues<core::ForwardingFeature>()) {
        if (features.testFlag(feature))
            names << core::displayName(feature);
    }
    return names.join(u", "_s);
}

QString numberText(const core::ForwardingNumber& number) {
    if (number.type == core::ForwardingType::PhoneLine && number.phoneNumber.isEmpty()) {
        return number.deviceId.isEmpty()
                   ? QString()
                   : ForwardingListModel::tr("Device %1", "phone line entry").arg(number.deviceId);
    }
    return core::readableNumber(number.phoneNumber);
}

} // namespace

ForwardingListModel::ForwardingListModel(store::Database& database, QObject* parent)
    : QAbstractTableModel(parent)
    , m_database(database) {
}

bool ForwardingListModel::load(qint64 profileId, const QString& extensionId, QString* error) {
    QString readError;
    QList<core::ForwardingNumber> list =
        store::ForwardingNumberRepository(m_database).list(profileId, extensionId, &readError);
    if (!readError.isEmpty()) {
        if (error)
            *error = readError;
        return false;
    }
    // The flip list's order is the flip numbers' order; entries outside the flip list follow.
    std::stable_sort(list.begin(), list.end(),
                     [](const core::ForwardingNumber& a, const core::ForwardingNumber& b) {
                         const int left = a.flipNumber > 0 ? a.flipNumber : INT_MAX;
                         const int right = b.flipNumber > 0 ? b.flipNumber : INT_MAX;
                         return left < right;
                     });
    beginResetModel();
    m_profileId = profileId;
    m_extensionId = extensionId;
    m_stored = list;
    m_entries = list;
    endResetModel();
    afterEdit();
    return true;
}

void ForwardingListModel::clear() {
    beginResetModel();
    m_profileId = 0;
    m_extensionId.clear();
    m_stored.clear();
    m_entries.clear();
    endResetModel();
    afterEdit();
}

bool ForwardingListModel::setEntry(int row, const core::ForwardingNumber& number) {
    if (row < 0 || row >= m_entries.size())
        return false;
    core::ForwardingNumber edited = number;
    edited.id = m_entries.at(row).id; // the provider's id never changes by editing
    m_entries[row] = edited;
    renumberFlips();
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    afterEdit();
    return true;
}

int ForwardingListModel::addEntry(const core::ForwardingNumber& number, QString* error) {
    if (m_entries.size() >= core::kMaxForwardingNumbers) {
        if (error) {
            *error = tr("The forwarding list already has %1 numbers; at most %1 are allowed.")
                         .arg(core::kMaxForwardingNumbers);
        }
        return -1;
    }
    const int row = static_cast<int>(m_entries.size());
    core::ForwardingNumber added = number;
    added.id.clear();
    beginInsertRows({}, row, row);
    m_entries.append(added);
    endInsertRows();
    renumberFlips();
    afterEdit();
    return row;
}

bool ForwardingListModel::removeEntry(int row) {
    if (row < 0 || row >= m_entries.size())
        return false;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
    renumberFlips();
    afterEdit();
    return true;
}

bool ForwardingListModel::moveUp(int row) {
    return row > 0 && row < m_entries.size() && moveRows({}, row, 1, {}, row - 1);
}

bool ForwardingListModel::moveDown(int row) {
    return row >= 0 && row + 1 < m_entries.size() && moveRows({}, row, 1, {}, row + 2);
}

void ForwardingListModel::revert() {
    beginResetModel();
    m_entries = m_stored;
    endResetModel();
    afterEdit();
}

QList<core::RuleViolation> ForwardingListModel::violations() const {
    return core::validateForwardingList(m_entries, m_directNumbers);
}

void ForwardingListModel::acceptEdits() {
    m_stored = m_entries;
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    afterEdit();
}

QString ForwardingListModel::headerText(int column) {
    static constexpr std::array kTitles{
        QT_TR_NOOP("Flip"),  QT_TR_NOOP("Number"),   QT_TR_NOOP("Type"),
        QT_TR_NOOP("Label"), QT_TR_NOOP("Features"),
    };
    static_assert(kTitles.size() == ColumnCount);
    return columnTitle(staticMetaObject, kTitles, column);
}

int ForwardingListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_entries.size());
}

int ForwardingListModel::columnCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QString ForwardingListModel::problemsOf(int row) const {
    const QString prefix = u"/records/%1/"_s.arg(row);
    QStringList messages;
    for (const core::RuleViolation& violation : violations()) {
        if (violation.field.startsWith(prefix))
            messages << violation.message;
    }
    return messages.join(u'\n');
}

QVariant ForwardingListModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const core::ForwardingNumber& number = m_entries.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FlipColumn:
            return number.flipNumber > 0 ? QString::number(number.flipNumber) : QString();
        case NumberColumn:
            return numberText(number);
        case TypeColumn:
            return core::displayName(number.type);
        case LabelColumn:
            return number.label;
        case FeaturesColumn:
            return featuresText(number.features);
        default:
            return {};
        }
    case Qt::EditRole:
        switch (index.column()) {
        case FlipColumn:
            return number.flipNumber;
        case NumberColumn:
            return number.phoneNumber;
        case TypeColumn:
            return core::toWire(number.type);
        case LabelColumn:
            return number.label;
        case FeaturesColumn:
            return core::flagsToWire(number.features);
        default:
            return {};
        }
    case Qt::TextAlignmentRole:
        return index.column() == FlipColumn ? QVariant(Qt::AlignCenter) : QVariant();
    case Qt::FontRole: {
        // New and changed entries are shown in italics until they are staged.
        const bool changed =
            number.id.isEmpty() || std::none_of(m_stored.begin(), m_stored.end(),
                                                [&](const core::ForwardingNumber& s) { return s == number; });
        if (!changed)
            return {};
        QFont font;
        font.setItalic(true);
        return font;
    }
    case Qt::ForegroundRole:
        return problemsOf(index.row()).isEmpty() ? QVariant() : QVariant(QBrush(QColor(0xb0, 0x1e, 0x1e)));
    case Qt::ToolTipRole:
    case ProblemRole:
        return problemsOf(index.row());
    case EntryIdRole:
        return number.id;
    default:
        return {};
    }
}

bool ForwardingListModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (!index.isValid() || role != Qt::EditRole || index.row() >= m_entries.size())
        return false;
    core::ForwardingNumber number = m_entries.at(index.row());
    switch (index.column()) {
    case NumberColumn:
        number.phoneNumber = value.toString().trimmed();
        break;
    case LabelColumn:
        number.label = value.toString();
        break;
    case TypeColumn: {
        const auto type = core::fromWire<core::ForwardingType>(value.toString());
        if (!type)
            return false;
        number.type = *type;
        break;
    }
    case FeaturesColumn:
        number.features = core::flagsFromWire<core::ForwardingFeature>(value.toStringList());
        break;
    default:
        return false;
    }
    return setEntry(index.row(), number);
}

QVariant ForwardingListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == FlipColumn)
        return tr("The digit dialled to flip a call to this number; follows the list's order.");
    return titlesHeaderData<QAbstractTableModel>(*this, &headerText, section, orientation, role);
}

Qt::ItemFlags ForwardingListModel::flags(const QModelIndex& index) const {
    if (!index.isValid())
        return Qt::ItemIsDropEnabled;
    Qt::ItemFlags result = Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsDragEnabled;
    if (index.column() == NumberColumn || index.column() == LabelColumn)
        result |= Qt::ItemIsEditable;
    return result;
}

QMimeData* ForwardingListModel::mimeData(const QModelIndexList& indexes) const {
    QList<int> rows;
    for (const QModelIndex& index : indexes) {
        if (index.isValid() && !rows.contains(index.row()))
            rows << index.row();
    }
    std::sort(rows.begin(), rows.end());
    QByteArray encoded;
    QDataStream stream(&encoded, QIODevice::WriteOnly);
    stream << m_extensionId << rows;
    auto* data = new QMimeData;
    data->setData(kMimeType, encoded);
    return data;
}

bool ForwardingListModel::canDropMimeData(const QMimeData* data, Qt::DropAction action, int, int,
                                          const QModelIndex&) const {
    return data && action == Qt::MoveAction && data->hasFormat(kMimeType);
}

bool ForwardingListModel::dropMimeData(const QMimeData* data, Qt::DropAction action, int row, int column,
                                       const QModelIndex& parent) {
    if (!canDropMimeData(data, action, row, column, parent))
        return false;
    QByteArray encoded = data->data(kMimeType);
    QDataStream stream(&encoded, QIODevice::ReadOnly);
    QString extensionId;
    QList<int> rows;
    stream >> extensionId >> rows;
    // Only rows of this list, dragged within this list, can be reordered.
    if (stream.status() != QDataStream::Ok || extensionId != m_extensionId || rows.isEmpty())
        return false;
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    const int count = rowCount();
    if (rows.first() < 0 || rows.last() >= count)
        return false;
    // Dropped onto a row: before it; between rows: at `row`; on empty space: at the end.
    int destination = row >= 0 ? row : (parent.isValid() ? parent.row() : count);
    destination = std::clamp(destination, 0, count);

    // Rows above the destination move one by one to just before it (each move shifts the next one up
    // by one); the rows below then follow in order.
    int movedAbove = 0;
    for (const int source : std::as_const(rows)) {
        if (source >= destination)
            break;
        const int at = source - movedAbove;
        if (at != destination - 1)
            moveRows({}, at, 1, {}, destination);
        ++movedAbove;
    }
    int insertAt = destination;
    for (const int source : std::as_const(rows)) {
        if (source < destination)
            continue;
        if (source != insertAt)
            moveRows({}, source, 1, {}, insertAt);
        ++insertAt;
    }
    // A view then asks to remove the dragged rows; removeRows() is not implemented, so they stay put.
    return true;
}

bool ForwardingListModel::moveRows(const QModelIndex& sourceParent, int sourceRow, int count,
                                   const QModelIndex& destinationParent, int destinationChild) {
    const int rows = rowCount();
    if (sourceParent.isValid() || destinationParent.isValid() || count <= 0 || sourceRow < 0 ||
        sourceRow + count > rows || destinationChild < 0 || destinationChild > rows ||
        (destinationChild >= sourceRow && destinationChild <= sourceRow + count)) {
        return false;
    }
    if (!beginMoveRows({}, sourceRow, sourceRow + count - 1, {}, destinationChild))
        return false;
    const QList<core::ForwardingNumber> moving = m_entries.mid(sourceRow, count);
    m_entries.remove(sourceRow, count);
    const int insertAt = destinationChild > sourceRow ? destinationChild - count : destinationChild;
    for (int i = 0; i < count; ++i)
        m_entries.insert(insertAt + i, moving.at(i));
    endMoveRows();
    renumberFlips();
    afterEdit();
    return true;
}

void ForwardingListModel::renumberFlips() {
    int next = 0;
    for (qsizetype row = 0; row < m_entries.size(); ++row) {
        core::ForwardingNumber& number = m_entries[row];
        const int flip = number.features.testFlag(core::ForwardingFeature::CallFlip) ? ++next : 0;
        if (number.flipNumber != flip) {
            number.flipNumber = flip;
            const QModelIndex cell = index(static_cast<int>(row), FlipColumn);
            emit dataChanged(cell, cell);
        }
    }
}

void ForwardingListModel::afterEdit() {
    // Rule messages of every row can change with one edit (duplicates, flip numbers).
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1),
                         {Qt::ForegroundRole, Qt::ToolTipRole, ProblemRole, Qt::FontRole});
    emit entriesChanged();
    if (isModified() != m_wasModified) {
        m_wasModified = isModified();
        emit modifiedChanged(m_wasModified);
    }
}

} // namespace trunkline::models
