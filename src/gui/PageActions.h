#pragma once

#include <QAbstractButton>
#include <QAction>
#include <QKeySequence>
#include <QString>
#include <QWidget>

namespace trunkline::gui {

// The actions of pages and editors: each has an object name (tests, menus and tool buttons find it by
// that), triggers one slot of its page, and most have a shortcut. The texts are set by the page's
// retranslate step, so none is given here.

// An action without a shortcut, owned by `page` and triggering `slot` on it.
template <typename Page, typename Slot>
QAction* makePageAction(Page* page, const QString& objectName, Slot slot) {
    auto* action = new QAction(page);
    action->setObjectName(objectName);
    QObject::connect(action, &QAction::triggered, page, slot);
    return action;
}

// An action whose shortcut works while the focus is in `scope` (the page itself, or one widget of it)
// or, with Qt::WidgetShortcut, only on `scope` itself (Del on a list must not fire while typing in a
// field). The action is added to `scope`, which is what makes the shortcut live.
template <typename Page, typename Slot>
QAction* makeShortcutAction(Page* page, const QString& objectName, const QKeySequence& shortcut, Slot slot,
                            QWidget* scope = nullptr,
                            Qt::ShortcutContext context = Qt::WidgetWithChildrenShortcut) {
    QAction* action = makePageAction(page, objectName, slot);
    action->setShortcut(shortcut);
    action->setShortcutContext(context);
    (scope ? scope : page)->addAction(action);
    return action;
}

// A shortcut for a push button with a mnemonic in its text ("&Apply all"). QAbstractButton::setText()
// replaces the button's own shortcut with Alt+<mnemonic> on every new text and every retranslation, so
// the shortcut lives in an action of `page` that clicks the button. Like a button's own shortcut, it works
// in the page's window while the page is shown, and not while the button is hidden or disabled.
inline QAction* addButtonShortcut(QWidget* page, QAbstractButton* button, const QKeySequence& shortcut) {
    auto* action = new QAction(page);
    action->setObjectName(button->objectName() + QStringLiteral("Shortcut"));
    action->setShortcut(shortcut);
    action->setShortcutContext(Qt::WindowShortcut);
    QObject::connect(action, &QAction::triggered, button, [button] {
        if (button->isVisible())
            button->click(); // does nothing while it is disabled
    });
    page->addAction(action);
    return action;
}

} // namespace trunkline::gui
