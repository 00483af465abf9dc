#include "ProviderTestRig.h"
#include "TelnyxOrderCompletion.h"
#include "providers/telnyx/TelnyxClient.h"
#include "providers/telnyx/TelnyxMapper.h"
#include "providers/telnyx/TelnyxPortOrders.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QTest>
#include <QTimeZone>

using namespace trunkline;
using namespace Qt::StringLiterals;
using providers::telnyx::TelnyxClient;
using providers::telnyx::TelnyxMapper;
using namespace trunkline::test; // the rig: ProviderRig, await, listAll, ...

namespace {

const QString kRouteNumber = u"+493012345678"_s;

emulator::EmulatorOptions options(int numbers = 400) {
    emulator::EmulatorOptions o;
    o.seed = 5;
    o.numbers = numbers; // one extra demo order per 25 numbers
    return o;
}

// The id of a new draft for kRouteNumber alone; empty when the emulator refused it.
QString createRouteDraft(TelnyxClient& client) {
    const auto created = await<QList<core::PortingOrder>>(
        [&](auto done) { client.createPortingOrder({kRouteNumber}, {}, done); });
    return created.ok() ? created.value->first().id : QString();
}

QString message(const std::optional<net::ApiError>& error) {
    return error ? error->message() : QString();
}

QList<QJsonObject> snapshotList(emulator::EmulatorServer& server, const QString& key) {
    QList<QJsonObject> out;
    for (const QJsonValue& value : test::snapshotOf(server, u"/v2"_s).value(key).toArray())
        out.append(value.toObject());
    return out;
}

} // namespace

class tst_TelnyxClient : public QObject {
    Q_OBJECT

private slots:
    void fullListingsEqualEmulatorData() {
        ProviderRig rig(Provider::Telnyx, options());
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        TelnyxClient client(rig.api.get());
        client.setPageSize(3);
        const auto orders = listAll<core::PortingOrder>(
            [&](auto onPage, auto done) { client.listPortingOrders({}, onPage, done); });
        QVERIFY2(orders.outcome.complete, qPrintable(message(orders.outcome.error)));
        const QList<QJsonObject> expected = snapshotList(rig.server, u"porting_orders"_s);
        QVERIFY(expected.size() > 6);
        QVERIFY(orders.pages.size() > 2);
        QCOMPARE(orders.records.size(), expected.size());
        QSet<QString> ids;
        for (const core::PortingOrder& order : orders.records)
            ids.insert(order.id);
        QCOMPARE(ids.size(), expected.size());
        for (const QJsonObject& want : expected) {
            QVERIFY(ids.contains(want.value(u"id"_s).toString()));
            QString problem;
            const auto mapped = TelnyxMapper::portingOrder(want, &problem);
            QVERIFY2(mapped, qPrintable(problem));
            const auto got = std::find_if(orders.records.begin(), orders.records.end(),
                                          [&](const core::PortingOrder& o) { return o.id == mapped->id; });
            QCOMPARE(got->status, mapped->status);
            QCOMPARE(got->customerReference, mapped->customerReference);
        }

        // Every order's numbers and extended numbers, as the emulator holds them.
        const QList<QJsonObject> numbers = snapshotList(rig.server, u"porting_phone_numbers"_s);
        const QList<QJsonObject> extensions = snapshotList(rig.server, u"phone_number_extensions"_s);
        int extensionsSeen = 0;
        for (const core::PortingOrder& order : orders.records) {
            const auto listed = listAll<core::PortingPhoneNumber>(
                [&](auto onPage, auto done) { client.listPortingPhoneNumbers(order.id, onPage, done); });
            QVERIFY(listed.outcome.complete);
            const auto want = std::count_if(numbers.begin(), numbers.end(), [&](const QJsonObject& n) {
                return n.value(u"porting_order_id"_s).toString() == order.id;
            });
            QCOMPARE(listed.records.size(), want);
            for (const core::PortingPhoneNumber& n : listed.records)
                QCOMPARE(n.portingOrderId, order.id);
            const auto ext = listAll<core::PhoneNumberExtension>(
                [&](auto onPage, auto done) { client.listPhoneNumberExtensions(order.id, onPage, done); });
            QVERIFY(ext.outcome.complete);
            const auto wantExt =
                std::count_if(extensions.begin(), extensions.end(), [&](const QJsonObject& e) {
                    return e.value(u"porting_order_id"_s).toString() == order.id;
                });
            QCOMPARE(ext.records.size(), wantExt);
            extensionsSeen += static_cast<int>(ext.records.size());
        }
        QCOMPARE(extensionsSeen, extensions.size());
    }

    void statusFilter() {
        ProviderRig rig(Provider::Telnyx, options());
        QVERIFY(rig.listening);
        TelnyxClient client(rig.api.get());
        const QList<core::PortingOrderStatus> wanted{core::PortingOrderStatus::Draft,
                                                     core::PortingOrderStatus::Exception};
        const auto listed = listAll<core::PortingOrder>(
            [&](auto onPage, auto done) { client.listPortingOrders(wanted, onPage, done); });
        QVERIFY(listed.outcome.complete);
        int expected = 0;
        for (const QJsonObject& o : snapshotList(rig.server, u"porting_orders"_s)) {
            const QString status = o.value(u"status"_s).toObject().value(u"value"_s).toString();
            expected += status == u"draft" || status == u"exception" ? 1 : 0;
        }
        QCOMPARE(listed.records.size(), expected);
        for (const core::PortingOrder& o : listed.records)
            QVERIFY(wanted.contains(o.status));
    }

    // The German extended-number workflow (docs/api/telnyx-porting.md §4.1), each write read back.
    void extendedNumberOrderLifecycle() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY(rig.listening);
        TelnyxClient client(rig.api.get());
        const auto created = await<QList<core::PortingOrder>>(
            [&](auto done) { client.createPortingOrder({kRouteNumber}, u"Berlin office"_s, done); });
        QVERIFY2(created.ok(), qPrintable(message(created.error)));
        QCOMPARE(created.value->size(), 1);
        const core::PortingOrder order = created.value->first();
        QCOMPARE(order.status, core::PortingOrderStatus::Draft);
        QCOMPARE(order.countryCode, u"DE"_s);
        QCOMPARE(order.customerReference, u"Berlin office"_s);
        QVERIFY(order.supportKey.isEmpty()); // null while draft

        core::PortingOrder changed = order;
        changed.customerReference = u"Berlin HQ"_s;
        changed.focDatetimeRequested = QDateTime::currentDateTimeUtc().addDays(30);
        changed.focDatetimeRequested.setTime(QTime(9, 0));
        const auto patched = await<core::PortingOrder>([&](auto done) {
            client.patchPortingOrder(order.id, TelnyxMapper::portingOrderPatchBody(changed), done);
        });
        QVERIFY2(patched.ok(), qPrintable(message(patched.error)));
        const auto read =
            await<core::PortingOrder>([&](auto done) { client.getPortingOrder(order.id, done); });
        QVERIFY(read.ok());
        QCOMPARE(read.value->customerReference, u"Berlin HQ"_s);
        QCOMPARE(read.value->focDatetimeRequested, changed.focDatetimeRequested);

        const auto numbers = listAll<core::PortingPhoneNumber>(
            [&](auto onPage, auto done) { client.listPortingPhoneNumbers(order.id, onPage, done); });
        QVERIFY(numbers.outcome.complete);
        QCOMPARE(numbers.records.size(), 1);
        QCOMPARE(numbers.records.first().phoneNumber, kRouteNumber);

        core::PhoneNumberExtension extension;
        extension.portingPhoneNumberId = numbers.records.first().id;
        extension.extensionRange = {0, 99};
        extension.activationRanges = {{4, 4}, {19, 20}, {42, 42}};
        const auto added = await<core::PhoneNumberExtension>(
            [&](auto done) { client.createPhoneNumberExtension(order.id, extension, done); });
        QVERIFY2(added.ok(), qPrintable(message(added.error)));
        QCOMPARE(added.value->extensionRange, extension.extensionRange);
        QCOMPARE(added.value->activationRanges, extension.activationRanges);
        auto listed = listAll<core::PhoneNumberExtension>(
            [&](auto onPage, auto done) { client.listPhoneNumberExtensions(order.id, onPage, done); });
        QCOMPARE(listed.records.size(), 1);
        QCOMPARE(listed.records.first(), *added.value);

        const auto removed = await<core::PhoneNumberExtension>(
            [&](auto done) { client.deletePhoneNumberExtension(order.id, added.value->id, done); });
        QVERIFY2(removed.ok(), qPrintable(message(removed.error)));
        QCOMPARE(removed.value->id, added.value->id); // 200 with the deleted record
        listed = listAll<core::PhoneNumberExtension>(
            [&](auto onPage, auto done) { client.listPhoneNumberExtensions(order.id, onPage, done); });
        QCOMPARE(listed.records.size(), 0);

        // What the emulator requires before it accepts an order: end user, service address, LOA and invoice,
        // the documents uploaded first.
        const core::OrderDocument pdf{u"loa.pdf"_s, QByteArrayLiteral("%PDF-1.4\n%%EOF\n")};
        const auto loa = await<QString>([&](auto done) { client.uploadDocument(pdf, done); });
        QVERIFY2(loa.ok(), qPrintable(message(loa.error)));
        const auto invoice = await<QString>([&](auto done) {
            client.uploadDocument({u"invoice.pdf"_s, pdf.content}, done);
        });
        QVERIFY2(invoice.ok(), qPrintable(message(invoice.error)));
        QVERIFY(*loa.value != *invoice.value);
        const auto refused = await<QString>([&](auto done) {
            client.uploadDocument({u"loa.txt"_s, QByteArrayLiteral("not a PDF")}, done);
        });
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error->field, u"/file"_s);
        const QJsonObject completion = telnyxOrderCompletion(*loa.value, *invoice.value);
        const auto completed = await<core::PortingOrder>(
            [&](auto done) { client.patchPortingOrder(order.id, completion, done); });
        QVERIFY2(completed.ok(), qPrintable(message(completed.error)));
        QCOMPARE(completed.value->customerReference, u"Berlin HQ"_s); // PATCH keeps what it does not name

        const auto confirmed =
            await<core::PortingOrder>([&](auto done) { client.confirmPortingOrder(order.id, done); });
        QVERIFY2(confirmed.ok(), qPrintable(message(confirmed.error)));
        QCOMPARE(confirmed.value->status, core::PortingOrderStatus::InProcess);
        // Only drafts can be deleted.
        const auto notDeleted =
            awaitCompletion([&](auto done) { client.deletePortingOrder(order.id, done); });
        QVERIFY(notDeleted);
        const auto cancelled =
            await<core::PortingOrder>([&](auto done) { client.cancelPortingOrder(order.id, done); });
        QVERIFY2(cancelled.ok(), qPrintable(message(cancelled.error)));
        QCOMPARE(cancelled.value->status, core::PortingOrderStatus::CancelPending);
    }

    void draftCanBeDeleted() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY(rig.listening);
        TelnyxClient client(rig.api.get());
        const auto created = await<QList<core::PortingOrder>>(
            [&](auto done) { client.createPortingOrder({u"+4940123456"_s}, {}, done); });
        QVERIFY2(created.ok(), qPrintable(message(created.error)));
        const QString id = created.value->first().id;
        QVERIFY(!awaitCompletion([&](auto done) { client.deletePortingOrder(id, done); }));
        const auto gone = await<core::PortingOrder>([&](auto done) { client.getPortingOrder(id, done); });
        QVERIFY(gone.error);
        QCOMPARE(gone.error->kind, net::ApiError::Kind::NotFound);
        QVERIFY2(gone.error->message().contains(id), qPrintable(gone.error->message()));
    }

    // The wizard's order step offers the LOA template of the draft: a real PDF that names the order and
    // its route number; a PDF is asked for (Accept), not JSON.
    void loaTemplateIsAPdfOfTheOrder() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY(rig.listening);
        TelnyxClient client(rig.api.get());
        const QString orderId = createRouteDraft(client);
        QVERIFY(!orderId.isEmpty());
        const auto pdf = await<QByteArray>([&](auto done) { client.loaTemplate(orderId, done); });
        QVERIFY2(pdf.ok(), qPrintable(message(pdf.error)));
        QVERIFY(pdf.value->startsWith("%PDF-1.4"));
        QVERIFY(pdf.value->trimmed().endsWith("%%EOF"));
        QVERIFY(pdf.value->contains(orderId.toLatin1()));
        QVERIFY(pdf.value->contains(kRouteNumber.toLatin1()));
        const auto unknown = await<QByteArray>(
            [&](auto done) { client.loaTemplate(u"00000000-0000-4000-8000-000000000000"_s, done); });
        QVERIFY(unknown.error);
        QCOMPARE(unknown.error->kind, net::ApiError::Kind::NotFound);
    }

    // setExtension makes the route number's block exactly the one asked for: attached once, kept as it
    // is when asked again (same id), replaced, never doubled, when the ranges changed (a second try
    // after going back in the wizard).
    void setExtensionKeepsOrReplacesTheBlock() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY(rig.listening);
        const auto placement = providers::telnyx::makePortOrderPlacement(rig.api.get());
        const auto created =
            await<core::PortingOrder>([&](auto done) { placement->createDraft(kRouteNumber, done); });
        QVERIFY2(created.ok(), qPrintable(message(created.error)));
        const QString orderId = created.value->id;
        const auto found =
            await<QString>([&](auto done) { placement->findRouteNumber(orderId, kRouteNumber, done); });
        QVERIFY2(found.ok(), qPrintable(message(found.error)));
        const QList<core::NumberRange> first{{4, 4}};
        const QList<core::NumberRange> second{{4, 5}, {42, 42}};
        auto set = [&](const QList<core::NumberRange>& ranges) {
            return await<QString>([&](auto done) {
                placement->setExtension(orderId, *found.value, {0, 99}, ranges, done);
            });
        };
        const auto attached = set(first);
        QVERIFY2(attached.ok(), qPrintable(message(attached.error)));
        const auto again = set(first);
        QVERIFY(again.ok());
        QCOMPARE(*again.value, *attached.value);
        const auto replaced = set(second);
        QVERIFY2(replaced.ok(), qPrintable(message(replaced.error)));
        QVERIFY(*replaced.value != *attached.value);
        TelnyxClient client(rig.api.get());
        const auto blocks = listAll<core::PhoneNumberExtension>(
            [&](auto onPage, auto done) { client.listPhoneNumberExtensions(orderId, onPage, done); });
        QCOMPARE(blocks.records.size(), 1);
        QCOMPARE(blocks.records.first().id, *replaced.value);
        QCOMPARE(blocks.records.first().activationRanges, second);
        const auto missing =
            await<QString>([&](auto done) { placement->findRouteNumber(orderId, u"+4940123456"_s, done); });
        QVERIFY(missing.error);
        QVERIFY2(missing.error->message().contains(u"not among the order's porting phone numbers"_s),
                 qPrintable(missing.error->message()));
    }

    void invalidExtensionIsRejectedWithPointer() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY(rig.listening);
        TelnyxClient client(rig.api.get());
        const QString orderId = createRouteDraft(client);
        QVERIFY(!orderId.isEmpty());
        const auto numbers = listAll<core::PortingPhoneNumber>(
            [&](auto onPage, auto done) { client.listPortingPhoneNumbers(orderId, onPage, done); });
        QCOMPARE(numbers.records.size(), 1);
        core::PhoneNumberExtension overlapping;
        overlapping.portingPhoneNumberId = numbers.records.first().id;
        overlapping.extensionRange = {0, 99};
        overlapping.activationRanges = {{15, 19}, {19, 20}};
        const auto refused = await<core::PhoneNumberExtension>(
            [&](auto done) { client.createPhoneNumberExtension(orderId, overlapping, done); });
        QVERIFY(refused.error);
        QCOMPARE(refused.error->kind, net::ApiError::Kind::Invalid);
        QVERIFY2(refused.error->field.startsWith(u"/activation_ranges"_s), qPrintable(refused.error->field));
        QVERIFY2(refused.error->message().contains(u"Telnyx"_s), qPrintable(refused.error->message()));
    }

    // The number search maps the filters onto Telnyx's and reads the answer; a number found is ordered,
    // then in the account's numbers, and no longer for sale.
    void searchThenOrderANumber() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        TelnyxClient client(rig.api.get());
        providers::telnyx::NumberSearchFilter filter;
        filter.countryCode = u"US"_s;
        filter.phoneNumberType = u"local"_s;
        filter.nationalDestinationCode = u"415"_s;
        const auto found = await<QList<providers::AvailableNumber>>(
            [&](auto done) { client.searchAvailableNumbers(filter, done); });
        QVERIFY2(found.ok(), qPrintable(message(found.error)));
        QVERIFY(!found.value->isEmpty());
        const providers::AvailableNumber first = found.value->first();
        QVERIFY2(first.phoneNumber.startsWith(u"+1415"_s), qPrintable(first.phoneNumber));
        QCOMPARE(first.isoCountry, u"US"_s);
        QCOMPARE(first.region, u"SAN FRANCISCO, CA"_s);
        QVERIFY(first.voiceCapable && first.smsCapable);

        const auto ordered = await<providers::telnyx::NumberOrder>(
            [&](auto done) { client.orderNumber(first.phoneNumber, u"ref-7"_s, done); });
        QVERIFY2(ordered.ok(), qPrintable(message(ordered.error)));
        QCOMPARE(ordered.value->status, u"success"_s);
        QCOMPARE(ordered.value->customerReference, u"ref-7"_s);
        QCOMPARE(ordered.value->phoneNumbers, QStringList{first.phoneNumber});

        const auto owned = listAll<core::PhoneNumberRecord>(
            [&](auto onPage, auto done) { client.listPhoneNumbers(onPage, done); });
        QVERIFY(owned.outcome.complete);
        QCOMPARE(owned.records.size(), 1);
        QCOMPARE(owned.records.first().e164, first.phoneNumber);
        QCOMPARE(owned.records.first().provider, u"telnyx"_s);
        QCOMPARE(owned.records.first().status, core::NumberStatus::Normal);

        const auto again = await<QList<providers::AvailableNumber>>(
            [&](auto done) { client.searchAvailableNumbers(filter, done); });
        QVERIFY(again.ok());
        QVERIFY(
            std::none_of(again.value->begin(), again.value->end(), [&](const providers::AvailableNumber& n) {
                return n.phoneNumber == first.phoneNumber;
            }));

        // Ordered twice: Telnyx refuses, naming the number.
        const auto twice = await<providers::telnyx::NumberOrder>(
            [&](auto done) { client.orderNumber(first.phoneNumber, u"ref-8"_s, done); });
        QVERIFY(twice.error);
        QCOMPARE(twice.error->kind, net::ApiError::Kind::Invalid);
        QVERIFY2(message(twice.error).contains(first.phoneNumber), qPrintable(message(twice.error)));
    }

    // The order is placed but its answer is lost (the connection drops after the emulator served it): the
    // client finds the order by its customer reference and reports it, without ordering again.
    void aLostOrderAnswerIsLookedUpNotOrderedTwice() {
        ProviderRig rig(Provider::Telnyx, options(0));
        QVERIFY2(rig.listening, qPrintable(rig.startError));
        rig.api->setSettleDelay(std::chrono::milliseconds(50));
        int orders = 0;
        rig.server.setAnswerDropper([&orders](const emulator::EmulatorRequest& request) {
            if (request.method != "POST" || !request.path.endsWith(u"/number_orders"))
                return false;
            return ++orders == 1; // only the first answer is lost
        });
        TelnyxClient client(rig.api.get());
        providers::telnyx::NumberSearchFilter filter;
        filter.countryCode = u"US"_s;
        filter.nationalDestinationCode = u"212"_s;
        const auto found = await<QList<providers::AvailableNumber>>(
            [&](auto done) { client.searchAvailableNumbers(filter, done); });
        QVERIFY(found.ok() && !found.value->isEmpty());
        const QString number = found.value->first().phoneNumber;

        const auto ordered = await<providers::telnyx::NumberOrder>(
            [&](auto done) { client.orderNumber(number, u"trunkline-lost"_s, done); });
        QVERIFY2(ordered.ok(), qPrintable(message(ordered.error)));
        QCOMPARE(ordered.value->phoneNumbers, QStringList{number});
        QCOMPARE(orders, 1); // sent once
        QCOMPARE(snapshotList(rig.server, u"number_orders"_s).size(), 1);
        QCOMPARE(snapshotList(rig.server, u"phone_numbers"_s).size(), 1);

        // Without a reference nothing can be looked up: the lost answer stays unknown.
        orders = 0;
        const QString other = found.value->at(1).phoneNumber;
        const auto unknown = await<providers::telnyx::NumberOrder>(
            [&](auto done) { client.orderNumber(other, QString(), done); });
        QVERIFY(unknown.error);
        QCOMPARE(unknown.error->kind, net::ApiError::Kind::OutcomeUnknown);
        QCOMPARE(orders, 1);
    }

    void wrongKeyIsUnauthorized() {
        emulator::EmulatorServer server(options(0));
        QString error;
        QVERIFY(server.listen(&error));
        QNetworkAccessManager network;
        net::ApiClient api(u"Telnyx"_s, server.baseUrl(),
                           std::make_shared<net::BearerKeyAuthenticator>("KEYwrong"), &network);
        TelnyxClient client(&api);
        const auto listed = listAll<core::PortingOrder>(
            [&](auto onPage, auto done) { client.listPortingOrders({}, onPage, done); });
        QVERIFY(listed.done);
        QVERIFY(!listed.outcome.complete);
        QCOMPARE(listed.outcome.error->kind, net::ApiError::Kind::Unauthorized);
    }
};

QTEST_GUILESS_MAIN(tst_TelnyxClient)
#include "tst_TelnyxClient.moc"
