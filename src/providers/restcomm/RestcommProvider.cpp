#include "providers/restcomm/RestcommProvider.h"

#include "core/PhoneNumberRecord.h"
#include "net/Authenticator.h"
#include "providers/restcomm/RestcommClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trunkline::providers::restcomm {

namespace {

class Search final : public NumberSearch {
public:
    Search(net::ApiClient* api, const QString& accountSid)
        : m_client(api, accountSid) {}
    net::ApiReply* search(const QString& isoCountry, const QString& numberType, const QString& areaCode,
                          const QString& contains, Callback<QList<AvailableNumber>> done) override {
        return m_client.searchAvailableNumbers(isoCountry, numberType, areaCode, contains, std::move(done));
    }

private:
    RestcommClient m_client;
};

class Adapter final : public ProviderAdapter {
public:
    std::shared_ptr<net::Authenticator> authenticator(const QUrl&, const SecretValues& secret,
                                                      const QString& accountId) const override {
        return std::make_shared<net::BasicAuthenticator>(accountId, secret.token);
    }

    std::unique_ptr<NumberSearch> numberSearch(net::ApiClient* api, const QString& accountId) const override {
        return std::make_unique<Search>(api, accountId);
    }

    QList<AccessCheck> accessChecks(net::ApiClient* api, const QString& accountId) const override {
        return {{QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can list numbers."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot list numbers:"),
                 RestcommClient(api, accountId).firstIncomingNumber()}};
    }
};

} // namespace

const ProviderCapabilities& capabilities() {
    static const Adapter adapter;
    static const ProviderCapabilities row = [] {
        ProviderCapabilities caps;
        caps.key = core::kProviderRestcomm;
        caps.displayName = u"Restcomm"_s;
        caps.secretFields = {{SecretSlot::Token, "authToken",
                              QT_TRANSLATE_NOOP("ProviderSecret", "Auth token: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "Auth token: ")}};
        caps.needsAccountId = true;
        caps.accountIdMissing =
            QT_TRANSLATE_NOOP("ProfileService", "Account: the Restcomm Account SID must not be empty.");
        caps.accountIdMissingOnConnect = QT_TRANSLATE_NOOP(
            "ConnectionFactory", "Profile %1: Account SID: must not be empty for Restcomm.");
        caps.noExtensionsReason = QT_TRANSLATE_NOOP(
            "ExtensionPermissions",
            "Restcomm has no extensions: profile “%1” routes numbers to applications instead.");
        caps.addNumberKinds = {AddNumberKind::UsLocal, AddNumberKind::Global, AddNumberKind::TollFree,
                               AddNumberKind::Vanity, AddNumberKind::SipVirtual};
        caps.addNumberFriendlyName = true;
        caps.releaseNumbers = true;
        caps.numberRoutingUrls = true;
        caps.regexRoutes = true;
        caps.migrateNumbers = true;
        caps.adapter = &adapter;
        return caps;
    }();
    return row;
}

} // namespace trunkline::providers::restcomm
