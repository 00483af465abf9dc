#pragma once

#include "core/PhoneNumberRecord.h"
#include "providers/ProviderCalls.h"
#include "providers/restcomm/RestcommMapper.h"

#include <QObject>

namespace trunkline::providers::restcomm {

// Restcomm-Connect IncomingPhoneNumbers (API 2012-04-24, docs/api/restcomm-numbers.md) for one account, on a
// ready (Basic AccountSid:AuthToken) ApiClient. Paths are below "/restcomm" unless the ApiClient's base
// URL already ends in /restcomm. JSON is chosen with the ".json" suffix, which the server honours
// whatever the Accept header says. Results come back through callbacks, only while this object lives.
class RestcommClient : public QObject, public ProviderClient {
    Q_OBJECT

public:
    RestcommClient(net::ApiClient* api, QString accountSid, QObject* parent = nullptr);

    // PageSize for the list (default 500). Restcomm states no maximum; its default is 50.
    static constexpr int kDefaultPageSize = 500;
    QString accountSid() const { return m_accountSid; }

    // The account's first incoming number only: what a connection test reads.
    net::ApiRequest firstIncomingNumber() const;
    // Every incoming number of the account (not of its sub-accounts: Restcomm lists only the path's).
    // Page count from num_pages (the index of the last page, §4), else next_page_uri is followed.
    net::PagedFetch* listIncomingNumbers(PageHandler<core::PhoneNumberRecord> onPage, ListDone done);
    net::ApiReply* getIncomingNumber(const QString& sid, Callback<core::PhoneNumberRecord> done);
    // Sets the `fields` a change touches to the record's values (RestcommMapper::updateForm); sent as
    // PUT, which Restcomm treats like POST, so a lost answer can safely be retried.
    net::ApiReply* updateIncomingNumber(const core::PhoneNumberRecord& number, const QStringList& fields,
                                        Callback<core::PhoneNumberRecord> done);
    net::ApiReply* deleteIncomingNumber(const core::PhoneNumberRecord& number, Completion done);
    // A lost answer is checked (the number looked up in the account's list) before anything is re-sent;
    // an area-code provision cannot be checked and then ends with OutcomeUnknown.
    void provisionIncomingNumber(const ProvisionRequest& request, Callback<core::PhoneNumberRecord> done);

    // GET AvailablePhoneNumbers/{country}/{Local|TollFree|Mobile}; areaCode/contains may be empty.
    net::ApiReply* searchAvailableNumbers(const QString& isoCountry, const QString& numberType,
                                          const QString& areaCode, const QString& contains,
                                          Callback<QList<AvailableNumber>> done);

    // Moves every number of targetAccountSid and its sub-accounts to another organisation (super admin only).
    net::ApiReply* migrateNumbers(const QString& targetAccountSid, const QString& organizationSid,
                                  Completion done);

private:
    QString accountPath(const QString& accountSid) const;
    QString numbersPath() const;
    QString prefix() const;

    QString m_accountSid;
};

} // namespace trunkline::providers::restcomm
