// Restcomm emulator over real sockets. IncomingPhoneNumbers/migrate: who may move which account tree to which
// organisation.

#include "RestcommApiTest.h"

using namespace trunkline::emulator::test;

class TestRestcommMigrationApi : public RestcommApiTest {
    Q_OBJECT

private Q_SLOTS:
    void migrate() {
        const QString path = numbersPath(m_branch.sid) + u"/migrate"_s;
        const QString spare = [&] {
            const QHash<QString, QString> orgs = m_service->organizations();
            for (auto it = orgs.begin(); it != orgs.end(); ++it)
                if (it.key() != m_admin.organizationSid && it.key() != m_branch.organizationSid)
                    return it.key();
            return QString();
        }();
        QVERIFY(!spare.isEmpty());
        QCOMPARE(send("POST", path, {{u"OrganizationSid"_s, spare}}, &m_branch).status,
                 403); // not a super admin
        TestReply r = send("POST", numbersPath(m_admin.sid) + u"/migrate"_s, {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body,
                 QByteArray(
                     "Super Admin account numbers can not be migrated. Please provide a valid account sid"));
        r = send("POST", numbersPath(u"ACffffffffffffffffffffffffffffffff"_s) + u"/migrate"_s,
                 {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("Account not found"));
        r = send("POST", path, {});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("OrganizationSid cannot be null"));
        r = send("POST", path, {{u"OrganizationSid"_s, u"ORshort"_s}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.body, QByteArray("OrganizationSid is not valid"));
        r = send("POST", path, {{u"OrganizationSid"_s, u"OR00000000000000000000000000000000"_s}});
        QCOMPARE(r.status, 404);
        QCOMPARE(r.body, QByteArray("Destination organization not found"));
        QCOMPARE(get(path).status, 405);

        const QList<IncomingNumber> before = numbersOf(m_branch.sid);
        r = send("POST", path, {{u"OrganizationSid"_s, spare}});
        QCOMPARE(r.status, 200);
        QVERIFY(r.body.isEmpty());
        const QList<IncomingNumber> after = numbersOf(m_branch.sid);
        QCOMPARE(after.size(), before.size());
        for (qsizetype i = 0; i < after.size(); ++i) {
            QCOMPARE(after.at(i).organizationSid, spare);
            QCOMPARE(after.at(i).sid(), before.at(i).sid()); // sids and uris unchanged
            QCOMPARE(after.at(i).value(u"uri"_s), before.at(i).value(u"uri"_s));
        }
        for (const IncomingNumber& n : numbersOf(m_admin.sid))
            QCOMPARE(n.organizationSid, m_admin.organizationSid);
    }
};

QTEST_GUILESS_MAIN(TestRestcommMigrationApi)
#include "tst_RestcommMigrationApi.moc"
