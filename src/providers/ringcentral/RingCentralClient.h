#pragma once

#include "core/Account.h"
#include "core/Extension.h"
#include "core/ForwardingNumber.h"
#include "core/PhoneNumberRecord.h"
#include "core/TimeZone.h"
#include "providers/ProviderCalls.h"

#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QObject>

namespace trunkline::providers::ringcentral {

// The per-extension settings documents the console reads and edits (RingCentralClient::getSettings); the
// custom answering rules are only read (getCustomRules).
enum class SettingsDocument { CallerId, Notifications, BusinessHoursRule, AfterHoursRule };

// RingCentral REST API v1.0 operations the console uses, on a ready (authenticated) ApiClient. Every
// request carries its usage group (docs/api/ringcentral.md §7.3) so the client paces per group, and a subject
// ("extension 101") so errors name the record. Results come back through callbacks, which are called
// only while this object lives; lists are delivered page by page (PagedFetch) and end with a
// ListOutcome telling whether the list is complete.
class RingCentralClient : public QObject, public ProviderClient {
    Q_OBJECT

public:
    struct ExtensionFilter {
        QList<core::ExtensionType> types;      // empty = all
        QList<core::ExtensionStatus> statuses; // empty = all
    };

    explicit RingCentralClient(net::ApiClient* api, QObject* parent = nullptr);

    // Records per page for list requests: 1..1000 (1000 is the documented perPage maximum; fewer,
    // larger pages cost fewer requests under the usage-group limits).
    static constexpr int kMaxPageSize = 1000;

    // Account info and service-info (two Light requests, combined).
    void fetchAccount(Callback<core::Account> done);

    net::PagedFetch* listExtensions(const ExtensionFilter& filter, PageHandler<core::Extension> onPage,
                                    ListDone done);
    net::ApiReply* getExtension(const QString& extensionId, Callback<core::Extension> done);
    // Creates are checked, not re-sent blindly, when their answer is lost (sendCreate): an extension is
    // looked up by its number (and e-mail), a forwarding number by its phone number.
    void createExtension(const core::Extension& extension, Callback<core::Extension> done);
    // Updates send only `fields`, the ones a change touches (RingCentralMapper::extensionUpdateBody):
    // these PUTs offer no ETag / If-Match, so a partial body is what keeps an edit made at the provider
    // meanwhile. timeZoneId: RingCentral's dictionary id of a new time zone (resolveTimeZone()); empty =
    // unchanged.
    net::ApiReply* updateExtension(const core::Extension& extension, const QStringList& fields,
                                   Callback<core::Extension> done, const QString& timeZoneId = {});
    // The time zone dictionary (UNCONFIRMED path: GET /restapi/v1.0/dictionary/timezone, Light).
    net::PagedFetch* listTimeZones(PageHandler<core::TimeZone> onPage, ListDone done);
    // The dictionary id of a time zone name ("Europe/Berlin"): extensions are set to a time zone by id.
    // The dictionary is fetched once per client; a name it does not hold fails with an Invalid error.
    void resolveTimeZone(const QString& name, Callback<QString> done);
    net::ApiReply* deleteExtension(const core::Extension& extension, Completion done);

    // Account numbers (Heavy group) and the numbers an extension may use (Light).
    net::PagedFetch* listAccountPhoneNumbers(PageHandler<core::PhoneNumberRecord> onPage, ListDone done);
    net::ApiReply* getAccountPhoneNumber(const QString& numberId, Callback<core::PhoneNumberRecord> done);
    // Assigns or reassigns a number (v2 assignPhoneNumberV2, docs/api/ringcentral.md §4.5): to the extension
    // `extensionId` as its DirectNumber, or with an empty one to the company as a CompanyNumber. The
    // answer is v2's shape; read the number back with getAccountPhoneNumber.
    net::ApiReply* assignPhoneNumber(const QString& numberId, const QString& extensionId, Completion done);
    net::PagedFetch* listExtensionPhoneNumbers(const QString& extensionId,
                                               PageHandler<core::PhoneNumberRecord> onPage, ListDone done);
    // The types of an extension's devices (GET /extension/{id}/device, Light, §3.9): HardPhone,
    // SoftPhone, MobileDevice, ... (core::endpointTypeOfDevices reads the endpoint type from them).
    net::PagedFetch* listExtensionDevices(const QString& extensionId, PageHandler<QString> onPage,
                                          ListDone done);

    net::PagedFetch* listForwardingNumbers(const QString& extensionId,
                                           PageHandler<core::ForwardingNumber> onPage, ListDone done);
    void createForwardingNumber(const QString& extensionId, const core::ForwardingNumber& forwarding,
                                Callback<core::ForwardingNumber> done);
    net::ApiReply* updateForwardingNumber(const QString& extensionId,
                                          const core::ForwardingNumber& forwarding, const QStringList& fields,
                                          Callback<core::ForwardingNumber> done);
    net::ApiReply* deleteForwardingNumber(const QString& extensionId, const QString& forwardingNumberId,
                                          Completion done);

    // Per-extension settings without a record of their own are passed through as the API's JSON
    // (ExtensionCallerIdInfo, notification settings, the business-hours and after-hours answering
    // rules); see RingCentralMapper::callerIdNumber() for the one value the Extension record keeps. A GET
    // is Light, a PUT Medium. The after-hours rule exists only while the business hours are not 24/7: without
    // it the GET fails with a NotFound error (docs/api/ringcentral.md §6.1).
    net::ApiReply* getSettings(const QString& extensionId, SettingsDocument document,
                               Callback<QJsonObject> done);
    net::ApiReply* putSettings(const QString& extensionId, SettingsDocument document,
                               const QJsonObject& settings, Callback<QJsonObject> done);
    // The custom answering rules, detailed, as {"records": [...]} (one page of up to 1000: an extension
    // with more custom rules is not realistic; a longer list fails as incomplete rather than truncated).
    net::ApiReply* getCustomRules(const QString& extensionId, Callback<QJsonObject> done);

private:
    net::ApiReply* jsonCall(QByteArray method, const QString& path, const QString& group,
                            const QString& subject, const QJsonObject& body, Callback<QJsonObject> done);
    net::PagedFetch::RequestForPage pageRequests(const QString& path, const QUrlQuery& filters,
                                                 const QString& group, const QString& subject) const;
    net::PagedFetch::PageReader pageReader(const QString& group, const QString& subject) const;
    // Every list of this API: its pages requested and read in one usage group, each record mapped to T.
    template <typename T>
    net::PagedFetch* listPages(const QString& path, const QUrlQuery& filters, const QString& group,
                               const QString& subject, RecordMapper<T> mapper, PageHandler<T> onPage,
                               ListDone done) {
        return startTypedList<T>(m_api, this, pageRequests(path, filters, group, subject),
                                 pageReader(group, subject), std::move(mapper), std::move(onPage),
                                 std::move(done));
    }

    QHash<QString, QString> m_timeZoneIds; // name -> dictionary id, once fetched
};

} // namespace trunkline::providers::ringcentral
