#pragma once

// What a widget test does in the modal dialog that the code under test opens next: exec() spins its own
// event loop and returns only once the dialog closes, so the test queues the step before it acts.
//
//   onNextModal([&](QWidget* dialog) {
//       ...
//       dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
//   });
//   page.editRoute();   // returns once the step closed the dialog
//
// A step waits only within the test function (and data row) that queued it: one that a failed test left
// waiting never runs in the next test. Steps queued inside a step, for a dialog that may never come, pass
// a `context` whose end stops the wait.

#include <QApplication>
#include <QByteArray>
#include <QDialog>
#include <QPointer>
#include <QTest>
#include <QTimer>
#include <QWidget>
#include <functional>

namespace next_modal_detail {

inline QByteArray runningTest() {
    return QByteArray(QTest::currentTestFunction()) + '/' + QByteArray(QTest::currentDataTag());
}

inline void waitForModal(std::function<void(QWidget*)> step, QObject* context, const QByteArray& test) {
    QTimer::singleShot(10, context, [step = std::move(step), context, test] {
        if (runningTest() != test)
            return;
        QPointer<QWidget> modal = QApplication::activeModalWidget();
        if (!modal) {
            // Not shown yet: try again on the next turn of the loop.
            waitForModal(step, context, test);
            return;
        }
        step(modal);
        // A failed check left the dialog open: close it, so that the test ends with the failure.
        if (auto* dialog = qobject_cast<QDialog*>(modal.data()); dialog && QTest::currentTestFailed())
            dialog->reject();
    });
}

} // namespace next_modal_detail

inline void onNextModal(std::function<void(QWidget*)> step, QObject* context = qApp) {
    next_modal_detail::waitForModal(std::move(step), context, next_modal_detail::runningTest());
}

// onNextModal for a dialog of type `Dialog`: the step gets it as one; any other modal fails the test.
template <typename Dialog>
void onNextModalOf(std::function<void(Dialog*)> step, QObject* context = qApp) {
    onNextModal(
        [step = std::move(step)](QWidget* modal) {
            auto* dialog = qobject_cast<Dialog*>(modal);
            QVERIFY2(dialog, modal->metaObject()->className());
            step(dialog);
        },
        context);
}
