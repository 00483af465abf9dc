#pragma once

// What an admin does in the running console (gui::AppSession over the demo account), step by step with
// keyboard and mouse events on the real widgets: shared by the GUI tests and by the staging driver that
// tst_StagedChangesSurviveKill kills. Each step returns false with *why when the console did not do what
// the step expects, so that the driver (no QTest case around it) can say what went wrong.
//
//   gui::AppSession session(database, secrets, demo);
//   ConsoleSteps steps(session);
//   if (!steps.openDemoAccount(&why) || !steps.editNumberLabel(restcomm, 0, u"Empfang"_s, &why)) ...

#include "GuiTestCase.h"
#include "gui/AppSession.h"
#include "gui/MainWindow.h"
#include "gui/extensions/ExtensionCallSettingsWidget.h"
#include "gui/extensions/ExtensionEditor.h"
#include "gui/extensions/ExtensionsPage.h"
#include "gui/extensions/ForwardingEditor.h"
#include "gui/profiles/ProfileSwitcher.h"
#include "gui/syncstatus/SyncController.h"
#include "models/ForwardingListModel.h"
#include "models/NumbersModel.h"
#include "store/Database.h"
#include "store/ExtensionRepository.h"
#include "store/ExtensionSettingsRepository.h"
#include "store/ForwardingNumberRepository.h"
#include "store/ProfileRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QMessageBox>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <optional>

class ConsoleSteps {
public:
    // The call settings tab of the extension editor (General, Contact, Forwarding & flip, Call settings).
    static constexpr int kCallSettingsTab = 3;
    static constexpr int kForwardingTab = 2;

    explicit ConsoleSteps(trunkline::gui::AppSession& session)
        : m_session(session)
        , m_window(session.window()) {}

    // Shows the window, accepts the demo account of a first start and waits for its sync.
    bool openDemoAccount(QString* why) {
        m_window.resize(1280, 800);
        if (!showActive(m_window))
            return fail(why, QStringLiteral("the main window did not become active"));
        m_session.setOfferDemo([](QWidget*) { return true; });
        QSignalSpy finished(&m_session.sync(), &trunkline::gui::SyncController::finished);
        if (!m_session.offerDemoOnFirstStart())
            return fail(why, QStringLiteral("the demo account was not added"));
        if (!finished.wait(120000))
            return fail(why, QStringLiteral("the demo sync did not finish in two minutes"));
        if (!finished.first().at(0).toBool())
            return fail(why, finished.first().at(2).toStringList().join(QLatin1Char('\n')));
        return true;
    }

    // The id of the first profile of `provider` in the session's store, 0 if none.
    static qint64 profileOf(trunkline::store::Database& database, const QString& provider) {
        for (const trunkline::store::Profile& profile :
             trunkline::store::ProfileRepository(database).list()) {
            if (profile.provider == provider)
                return profile.id;
        }
        return 0;
    }

    // Types `label` into the Label cell of `row` on the Numbers page of `profile` and commits it with
    // Return. *number gets the number's provider id, *oldLabel what the cell showed before.
    bool editNumberLabel(qint64 profile, int row, const QString& label, QString* number, QString* oldLabel,
                         QString* why) {
        chooseProfile(profile);
        m_window.showPage(trunkline::gui::MainWindow::Page::Numbers);
        auto* table = m_window.pageWidget(trunkline::gui::MainWindow::Page::Numbers)
                          ->findChild<QTableView*>(QStringLiteral("tableView"));
        if (!table || !QTest::qWaitFor([&] { return table->model()->rowCount() > row; }, 10000))
            return fail(why, QStringLiteral("the Numbers page has no row %1").arg(row));
        const QModelIndex cell = table->model()->index(row, trunkline::models::NumbersModel::LabelColumn);
        *number = cell.data(trunkline::models::NumbersModel::IdRole).toString();
        *oldLabel = cell.data().toString();
        table->setFocus();
        table->setCurrentIndex(cell);
        table->edit(cell); // the cell's own editor (F2 opens the page's Edit dialog)
        auto* editor = table->viewport()->findChild<QLineEdit*>();
        if (!editor)
            return fail(why, QStringLiteral("the Label cell opened no editor"));
        editor->selectAll();
        typeText(editor, label);
        QTest::keyClick(editor, Qt::Key_Return); // the delegate commits on the next turn of the loop
        if (!QTest::qWaitFor([&] { return cell.data().toString() == label; }, 5000))
            return fail(why, QStringLiteral("the Label cell shows “%1”").arg(cell.data().toString()));
        return true;
    }

    // Opens the extension on the Extensions page of `profile` and waits until its forwarding list and
    // call settings are fetched (opening it asks the provider for them).
    trunkline::gui::ExtensionsPage* openExtension(trunkline::store::Database& database, qint64 profile,
                                                  const QString& extensionId, QString* why) {
        chooseProfile(profile);
        m_window.showPage(trunkline::gui::MainWindow::Page::Extensions);
        auto* page = qobject_cast<trunkline::gui::ExtensionsPage*>(
            m_window.pageWidget(trunkline::gui::MainWindow::Page::Extensions));
        page->setUnsavedPrompt([](const QString&) { return QMessageBox::Discard; });
        if (!page->selectExtension(profile, extensionId)) {
            fail(why, QStringLiteral("extension %1 cannot be selected").arg(extensionId));
            return nullptr;
        }
        trunkline::store::ExtensionSettingsRepository settings(database);
        const bool fetched = QTest::qWaitFor(
            [&] {
                return settings.syncedAt(profile, extensionId,
                                         trunkline::store::ExtensionSettingsRepository::kNotifications) &&
                       trunkline::store::ForwardingNumberRepository(database).state(profile, extensionId);
            },
            30000);
        if (!fetched) {
            fail(why, QStringLiteral("the details of extension %1 were not fetched").arg(extensionId));
            return nullptr;
        }
        return page;
    }

    // The first user extension of `profile`; nullopt if there is none.
    static std::optional<trunkline::core::Extension> firstUserExtension(trunkline::store::Database& database,
                                                                        qint64 profile) {
        for (const trunkline::core::Extension& extension :
             trunkline::store::ExtensionRepository(database).list(profile)) {
            if (extension.type == trunkline::core::ExtensionType::User)
                return extension;
        }
        return std::nullopt;
    }

    // A user extension of `profile` with at least two numbers in its forwarding list (each one's details
    // fetched as opening it does); nullopt if there is none.
    std::optional<trunkline::core::Extension>
    extensionWithForwardingList(trunkline::store::Database& database, qint64 profile) {
        const QList<trunkline::core::Extension> extensions =
            trunkline::store::ExtensionRepository(database).list(profile);
        for (const trunkline::core::Extension& extension : extensions) {
            if (extension.type == trunkline::core::ExtensionType::User)
                m_session.sync().requestExtensionDetails(profile, extension.id);
        }
        std::optional<trunkline::core::Extension> found;
        const bool seen = QTest::qWaitFor(
            [&] {
                for (const trunkline::core::Extension& extension : extensions) {
                    if (extension.type == trunkline::core::ExtensionType::User &&
                        trunkline::store::ForwardingNumberRepository(database)
                                .list(profile, extension.id)
                                .size() >= 2) {
                        found = extension;
                        return true;
                    }
                }
                return false;
            },
            60000);
        return seen ? found : std::nullopt;
    }

    // On the open extension's Call settings tab: clicks "Missed calls by SMS" and saves with Ctrl+S.
    bool toggleMissedCallsBySms(trunkline::gui::ExtensionsPage& page, QString* why) {
        page.findChild<QTabWidget*>(QStringLiteral("tabs"))->setCurrentIndex(kCallSettingsTab);
        auto* check = page.editor()->callSettings()->findChild<QCheckBox*>(QStringLiteral("missedSmsCheck"));
        if (!check || !QTest::qWaitFor([check] { return check->isEnabled(); }, 10000))
            return fail(why, QStringLiteral("“Missed calls by SMS” cannot be clicked"));
        QTest::mouseClick(check, Qt::LeftButton);
        return save(page, why);
    }

    // On the open extension's Forwarding & flip tab: moves the first number down (Alt+Down) and saves.
    // *moved gets the number that was first.
    bool moveFirstForwardingNumberDown(trunkline::gui::ExtensionsPage& page, QString* moved, QString* why) {
        page.findChild<QTabWidget*>(QStringLiteral("tabs"))->setCurrentIndex(kForwardingTab);
        auto* table =
            page.editor()->forwardingEditor()->findChild<QTableView*>(QStringLiteral("forwardingTable"));
        if (!table || table->model()->rowCount() < 2)
            return fail(why, QStringLiteral("the forwarding list has fewer than two numbers"));
        *moved =
            table->model()->index(0, trunkline::models::ForwardingListModel::NumberColumn).data().toString();
        table->setFocus();
        table->selectRow(0);
        QTest::keyClick(table, Qt::Key_Down, Qt::AltModifier);
        if (table->model()
                ->index(1, trunkline::models::ForwardingListModel::NumberColumn)
                .data()
                .toString() != *moved)
            return fail(why, QStringLiteral("Alt+Down did not move the first number"));
        return save(page, why);
    }

    // Ctrl+Z and Ctrl+Shift+Z. In a text field they undo the typing there: the staged edits are undone from
    // elsewhere in the window (here the navigation list).
    static void undoKey(trunkline::gui::MainWindow& window) { pressZ(window, Qt::ControlModifier); }
    static void redoKey(trunkline::gui::MainWindow& window) {
        pressZ(window, Qt::ControlModifier | Qt::ShiftModifier);
    }

    // Types `text` key by key; QTest::keyClicks knows ASCII only, so an umlaut comes as the key event of
    // a German keyboard's own key, with its text.
    static void typeText(QWidget* widget, const QString& text) {
        for (const QChar c : text) {
            if (c.unicode() < 0x80)
                QTest::keyClick(widget, char(c.unicode()));
            else
                QTest::sendKeyEvent(QTest::Click, widget, Qt::Key_unknown, QString(c), Qt::NoModifier);
        }
    }

private:
    static void pressZ(trunkline::gui::MainWindow& window, Qt::KeyboardModifiers modifiers) {
        auto* navigation = window.findChild<QWidget*>(QStringLiteral("navigationList"));
        navigation->setFocus();
        QTest::keyClick(navigation, Qt::Key_Z, modifiers);
    }
    void chooseProfile(qint64 profile) {
        trunkline::gui::ProfileSwitcher& switcher = m_session.profileSwitcher();
        switcher.setCurrentIndex(switcher.findData(profile));
    }
    // Ctrl+S in the editor, as the admin saves.
    bool save(trunkline::gui::ExtensionsPage& page, QString* why) {
        const bool hadEdits = page.editor()->hasUnsavedEdits();
        QWidget* focus = QApplication::focusWidget() ? QApplication::focusWidget() : page.editor();
        QTest::keySequence(focus, QKeySequence::Save);
        if (!hadEdits || page.editor()->hasUnsavedEdits())
            return fail(why, QStringLiteral("Ctrl+S did not stage the edit: %1").arg(page.lastMessage()));
        return true;
    }
    static bool fail(QString* why, const QString& message) {
        *why = message;
        return false;
    }

    trunkline::gui::AppSession& m_session;
    trunkline::gui::MainWindow& m_window;
};
