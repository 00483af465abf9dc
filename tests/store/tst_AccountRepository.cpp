#include "EngineTestCase.h"
#include "store/AccountRepository.h"

#include <QtTest>

using namespace Qt::StringLiterals;
using namespace trunkline::store;
using trunkline::core::Account;

class tst_AccountRepository : public EngineTestCase {
    Q_OBJECT

private slots:
    void upsertFindListRemove() {
        TRUNKLINE_OPEN_TEST_DATABASE(test);
        const qint64 profile = test.addProfile();
        AccountRepository repository(test.database());
        Account account{u"400131005004"_s, u"+4930123400"_s, u"RingCentral DE"_s, u"RingEX Premium"_s,
                        u"Confirmed"_s,    u"62734001"_s,    u"Zentrale"_s};
        QString error;
        QVERIFY2(repository.upsert(profile, {account}, &error), qPrintable(error));
        QCOMPARE(*repository.find(profile, account.id), account);
        QCOMPARE(repository.state(profile, account.id)->version, repository.versionOf(account));

        account.status = u"Disabled"_s;
        QVERIFY(repository.upsert(profile, {account}));
        QCOMPARE(repository.list(profile), QList<Account>{account});
        QCOMPARE(repository.state(profile, account.id)->version, repository.versionOf(account));

        QVERIFY(repository.removeAllExcept(profile, {}));
        QVERIFY(repository.list(profile).isEmpty());
        QVERIFY(!repository.find(profile, account.id));
    }
};

QTEST_GUILESS_MAIN(tst_AccountRepository)
#include "tst_AccountRepository.moc"
