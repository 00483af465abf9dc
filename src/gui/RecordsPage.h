#pragma once

#include <QHeaderView>
#include <QLineEdit>
#include <QList>
#include <QTimer>
#include <initializer_list>
#include <utility>

class QTableView;

namespace trunkline::gui {

// What the pages listing records from the store (Numbers, Extensions, Audit log, Routing) share: the look
// of their table, remembering its columns, and the delay of their filter bar.

// Each (column, width) pair's width, the table's starting point before a saved header state.
void setColumnWidths(QHeaderView* header, const QList<std::pair<int, int>>& widths);

// A records table: columns the admin can move, titled left-aligned and of the given widths, sorted by
// `sortColumn` at first; no row numbers, and rows a line of text high with some air. Its header, for more.
QHeaderView* setUpRecordsTable(QTableView* table, int sortColumn, const QList<std::pair<int, int>>& widths);

// Calls the page's `save` whenever the admin moves, resizes or re-sorts a column.
template <typename Page>
void saveOnHeaderChange(QHeaderView* header, Page* page, void (Page::*save)() const) {
    QObject::connect(header, &QHeaderView::sectionMoved, page, save);
    QObject::connect(header, &QHeaderView::sectionResized, page, save);
    QObject::connect(header, &QHeaderView::sortIndicatorChanged, page, save);
}

// The filter bar's delay: typing in one of `edits` (re)starts it, and the page's `apply` runs once the
// typing pauses for `ms`, so that a word is one query of the store, not one per key.
template <typename Page>
QTimer* makeFilterDelay(Page* page, void (Page::*apply)(), std::initializer_list<QLineEdit*> edits, int ms) {
    auto* delay = new QTimer(page);
    delay->setSingleShot(true);
    delay->setInterval(ms);
    QObject::connect(delay, &QTimer::timeout, page, apply);
    for (QLineEdit* edit : edits)
        QObject::connect(edit, &QLineEdit::textChanged, delay, qOverload<>(&QTimer::start));
    return delay;
}

} // namespace trunkline::gui
