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
        Account account;
        account.id = u"400131005004"_s;
        account.mainNumber = u"+4930123400"_s;
        account.brand = u"RingCentral DE"_s;
        account.servicePlan = u"RingEX Premium"_s;
        account.status = u"Confirmed"_s;
        account.operatorExtensionId = u"62734001"_s;
        account.operatorName = u"Zentrale"_s;
        // Schema v13: the plan's edition, the billing plan, the features and the business address.
        account.servicePlanEdition = u"Standard"_s;
        account.billingPlan = u"Monthly - 14.99 - Pro 101503"_s;
        account.billingDuration = 1;
        account.billingDurationUnit = u"Month"_s;
        account.billingPlanType = u"Regular"_s;
        account.enabledFeatures = {u"CallerIdControl"_s, u"SMS"_s};
        account.disabledFeatures = {u"SiteCodes"_s};
        account.companyName = u"Müller & Söhne GmbH"_s;
        account.businessAddress = {u"Friedrichstraße 12"_s, u"Berlin"_s, u"BE"_s, u"10117"_s, u"Germany"_s};
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
