#include "TestDatabase.h"
#include "models/AuditLogModel.h"
#include "store/AuditLogRepository.h"

#include <QSysInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::AuditLogModel;

class tst_AuditLogModel : public QObject {
    Q_OBJECT

private slots:
    // The page shows who applied (the store's identity) and from which computer, not "sync".
    void showsWhoAndFromWhere() {
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        store::AuditEntry entry;
        entry.profileId = test.addProfile();
        entry.profileName = u"Office"_s;
        entry.actor = u"sync"_s;
        entry.entity = u"extension"_s;
        entry.entityKey = u"104"_s;
        entry.action = u"update"_s;
        entry.summary = u"Updated extension 104 (name)"_s;
        QVERIFY(store::AuditLogRepository(test.database()).append(entry));

        AuditLogModel model(test.database());
        QVERIFY(model.reload());
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.headerData(AuditLogModel::ActorColumn, Qt::Horizontal).toString(), u"By"_s);
        QCOMPARE(model.headerData(AuditLogModel::HostColumn, Qt::Horizontal).toString(), u"From"_s);
        QCOMPARE(model.index(0, AuditLogModel::ActorColumn).data().toString(), test.database().sessionUser());
        QVERIFY(model.index(0, AuditLogModel::ActorColumn).data().toString() != u"sync"_s);
        QCOMPARE(model.index(0, AuditLogModel::HostColumn).data().toString(), QSysInfo::machineHostName());
        QCOMPARE(model.index(0, AuditLogModel::SummaryColumn).data().toString(), entry.summary);
    }
};

QTEST_GUILESS_MAIN(tst_AuditLogModel)
#include "tst_AuditLogModel.moc"
