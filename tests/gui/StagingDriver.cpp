// The console that tst_StagedChangesSurviveKill kills: the real AppSession and MainWindow over the SQLite
// file named on the command line and the in-process demo emulator. It opens the demo account, stages two
// edits with keyboard and mouse events (a number's label on the Numbers page, a call setting of an
// extension), prints "STAGED <the pending changes as JSON>" and waits for SIGKILL. "FAILED <why>" and
// exit code 1 when a step does not work.

#include "ConsoleSteps.h"
#include "demo/DemoEmulator.h"
#include "secrets/MemorySecretStore.h"
#include "store/PendingChangeRepository.h"

#include <QApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStandardPaths>
#include <cstdio>

using namespace Qt::StringLiterals;
using namespace trunkline;

namespace {

int failed(const QString& why) {
    std::printf("FAILED %s\n", qPrintable(why));
    std::fflush(stdout);
    return 1;
}

// What the test compares after the kill: every staged change as the store holds it now.
QJsonArray stagedChanges(store::Database& database) {
    QJsonArray changes;
    for (const store::Profile& profile : store::ProfileRepository(database).list()) {
        for (const store::PendingChange& change : store::PendingChangeRepository(database).list(profile.id)) {
            changes.append(QJsonObject{{u"id"_s, change.id},
                                       {u"entity"_s, change.entity},
                                       {u"entityKey"_s, change.entityKey},
                                       {u"payload"_s, change.payload},
                                       {u"baseValues"_s, change.baseValues},
                                       {u"baseVersion"_s, change.baseVersion},
                                       {u"revision"_s, change.revision}});
        }
    }
    return changes;
}

} // namespace

int main(int argc, char** argv) {
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true); // never the developer's settings
    if (app.arguments().size() != 2)
        return failed(u"usage: staging_driver <sqlite file>"_s);
    QString error;
    const std::unique_ptr<store::Database> database = store::Database::open(app.arguments().at(1), &error);
    if (!database)
        return failed(error);

    secrets::MemorySecretStore secrets;
    demo::DemoEmulator demo;
    gui::AppSession session(*database, secrets, demo);
    ConsoleSteps steps(session);
    if (!steps.openDemoAccount(&error))
        return failed(error);

    QString number;
    QString oldLabel;
    const qint64 restcomm = ConsoleSteps::profileOf(*database, u"restcomm"_s);
    if (!steps.editNumberLabel(restcomm, 0, u"Empfang Süd"_s, &number, &oldLabel, &error))
        return failed(error);
    const qint64 ringCentral = ConsoleSteps::profileOf(*database, u"ringcentral"_s);
    const std::optional<core::Extension> extension =
        steps.extensionWithForwardingList(*database, ringCentral);
    if (!extension)
        return failed(u"no RingCentral extension with a forwarding list"_s);
    gui::ExtensionsPage* page = steps.openExtension(*database, ringCentral, extension->id, &error);
    if (!page || !steps.toggleMissedCallsBySms(*page, &error))
        return failed(error);

    std::printf("STAGED %s\n",
                QJsonDocument(stagedChanges(*database)).toJson(QJsonDocument::Compact).constData());
    std::fflush(stdout);
    return app.exec(); // until killed
}
