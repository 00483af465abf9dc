#include "AuditRecord.h"
#include "TestDatabase.h"
#include "models/AuditLogModel.h"
#include "store/AuditLogRepository.h"

#include <QJsonObject>
#include <QSysInfo>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace trunkline;
using models::AuditLogModel;
using test::auditEntry;

class tst_AuditLogModel : public QObject {
    Q_OBJECT

private slots:
    // The page shows who applied (the store's identity) and from which computer, not "sync".
    void showsWhoAndFromWhere() {
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        store::AuditEntry entry = auditEntry(test.addProfile(), u"Office"_s, u"extension"_s, u"104"_s,
                                             u"update"_s, u"Updated extension 104 (name)"_s);
        entry.actor = u"sync"_s;
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

    // Before and After cut long values to keep the row on one line; the tooltip shows every member whole.
    void beforeAndAfterTooltipsAreUncut() {
        TestDatabase test(u"sqlite"_s);
        QVERIFY2(test.open(), qPrintable(test.error()));
        const QString longUrl =
            u"https://ivr.example.com/voice/answer?menu=main&language=de&fallback=reception"_s;
        store::AuditEntry entry =
            auditEntry(test.addProfile(), u"Office"_s, u"phone_number"_s, u"PN1"_s, u"update"_s, {});
        entry.before =
            QJsonObject{{u"voiceUrl"_s, u"https://old.example.com/answer"_s}, {u"label"_s, u"Main"_s}};
        entry.after = QJsonObject{{u"voiceUrl"_s, longUrl}, {u"label"_s, u"Main line"_s}};
        QVERIFY(store::AuditLogRepository(test.database()).append(entry));

        AuditLogModel model(test.database());
        QVERIFY(model.reload());
        const QModelIndex after = model.index(0, AuditLogModel::AfterColumn);
        QVERIFY2(!after.data().toString().contains(longUrl), qPrintable(after.data().toString()));
        QVERIFY(after.data().toString().contains(u'…'));
        QCOMPARE(after.data(Qt::ToolTipRole).toString(), u"label: Main line\nvoiceUrl: "_s + longUrl);
        QCOMPARE(model.index(0, AuditLogModel::BeforeColumn).data(Qt::ToolTipRole).toString(),
                 u"label: Main\nvoiceUrl: https://old.example.com/answer"_s);
    }
};

QTEST_GUILESS_MAIN(tst_AuditLogModel)
#include "tst_AuditLogModel.moc"
