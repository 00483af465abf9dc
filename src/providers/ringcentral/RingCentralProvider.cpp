#include "providers/ringcentral/RingCentralProvider.h"

#include "core/PhoneNumberRecord.h"
#include "providers/ringcentral/RingCentralAuthenticator.h"
#include "providers/ringcentral/RingCentralClient.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trunkline::providers::ringcentral {

namespace {

class Adapter final : public ProviderAdapter {
public:
    std::shared_ptr<net::Authenticator> authenticator(const QUrl& baseUrl, const SecretValues& secret,
                                                      const QString&) const override {
        return std::make_shared<RingCentralAuthenticator>(
            baseUrl,
            RingCentralAuthenticator::Credentials{secret.clientId, secret.clientSecret, secret.token});
    }

    QList<AccessCheck> accessChecks(net::ApiClient*, const QString&) const override {
        const auto firstOf = [](const QString& list, const QString& group) {
            net::ApiRequest request = net::ApiRequest::get(list, group);
            request.query.addQueryItem(u"perPage"_s, u"1"_s);
            return request;
        };
        // The token's own account ("~"), in the usage groups of docs/api/ringcentral.md §7.3.
        return {{QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can read the account."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot read the account:"),
                 net::ApiRequest::get(u"/restapi/v1.0/account/~"_s, u"Light"_s)},
                {QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can list numbers."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot list numbers:"),
                 firstOf(u"/restapi/v1.0/account/~/phone-number"_s, u"Heavy"_s)},
                {QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can list extensions."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot list extensions:"),
                 firstOf(u"/restapi/v1.0/account/~/extension"_s, u"Medium"_s)}};
    }

    void askSignedInExtension(net::ApiClient* api, QObject* context,
                              std::function<void(const QString&)> done) const override {
        // "~" is the token's owner.
        auto* client = new RingCentralClient(api, context);
        client->getExtension(u"~"_s, [client, done](const Outcome<core::Extension>& me) {
            done(me.ok() ? me.value->id : QString());
            client->deleteLater();
        });
    }
};

} // namespace

const ProviderCapabilities& capabilities() {
    static const Adapter adapter;
    static const ProviderCapabilities row = [] {
        ProviderCapabilities caps;
        caps.key = core::kProviderRingCentral;
        caps.displayName = u"RingCentral"_s;
        caps.defaultBaseUrl = u"https://platform.ringcentral.com"_s;
        // The app's client id and secret and the user's JWT credential (docs/api/ringcentral.md §1).
        caps.secretFields = {{SecretSlot::ClientId, "clientId",
                              QT_TRANSLATE_NOOP("ProviderSecret", "Client ID: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "Client id: ")},
                             {SecretSlot::ClientSecret, "clientSecret",
                              QT_TRANSLATE_NOOP("ProviderSecret", "Client secret: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "Client secret: ")},
                             {SecretSlot::Token, "jwt",
                              QT_TRANSLATE_NOOP("ProviderSecret", "JWT credential: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "JWT credential: ")}};
        caps.ownAccountAlias = u"~"_s;
        caps.extensions = true;
        caps.extensionDetails = true;
        caps.forwarding = true;
        caps.signedInExtension = true;
        caps.releaseElsewhere =
            QT_TRANSLATE_NOOP("trunkline::gui::NumbersPage",
                              "RingCentral numbers are released in the RingCentral admin portal.");
        // Its API lists, assigns and deletes numbers but sells none (docs/api/ringcentral.md §4).
        caps.addNumberElsewhere = QT_TRANSLATE_NOOP(
            "trunkline::gui::AddNumberDialog",
            "RingCentral's API offers no way to buy a number. Add U.S. local, global, toll-free and vanity "
            "numbers in the RingCentral admin portal (Phone System → Phone Numbers → Add Numbers); the next "
            "sync brings them here.");
        caps.addNumberPortal = u"https://service.ringcentral.com/"_s;
        caps.assignNumberToExtension = true;
        caps.numberFieldsReadOnly = true;
        caps.numberFieldsReadOnlyNote = QT_TRANSLATE_NOOP(
            "trunkline::gui::EditNumberDialog", "RingCentral's API keeps a number's label and assignment "
                                                "read-only: the change is staged, but applying it fails. "
                                                "Change it in the RingCentral admin portal.");
        caps.rateLimitGroups = true;
        // Seed 001, "Required App Permissions"; which endpoint needs which: docs/api/ringcentral.md.
        caps.appPermissions = {
            {u"ReadAccounts"_s, QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest",
                                                  "reading the account, its numbers and extensions")},
            {u"EditExtensions"_s,
             QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest",
                               "applying changes to extensions, forwarding numbers and call handling")},
            {u"EditAccounts"_s, QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest",
                                                  "creating and deleting extensions and assigning numbers")}};
        caps.extensionEditPermission = u"EditExtensions"_s;
        caps.extensionCreatePermission = u"EditAccounts"_s;
        caps.adapter = &adapter;
        return caps;
    }();
    return row;
}

} // namespace trunkline::providers::ringcentral
