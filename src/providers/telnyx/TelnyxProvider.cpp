#include "providers/telnyx/TelnyxProvider.h"

#include "core/PhoneNumberRecord.h"
#include "net/Authenticator.h"
#include "providers/telnyx/TelnyxClient.h"
#include "providers/telnyx/TelnyxPortOrders.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace trunkline::providers::telnyx {

namespace {

class Adapter final : public ProviderAdapter {
public:
    std::shared_ptr<net::Authenticator> authenticator(const QUrl&, const SecretValues& secret,
                                                      const QString&) const override {
        return std::make_shared<net::BearerKeyAuthenticator>(secret.token);
    }
    std::unique_ptr<PortOrderPlacement> portOrders(net::ApiClient* api) const override {
        return makePortOrderPlacement(api);
    }
    QList<AccessCheck> accessChecks(net::ApiClient* api, const QString&) const override {
        return {{QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Can list porting orders."),
                 QT_TRANSLATE_NOOP("trunkline::gui::ConnectionTest", "Cannot list porting orders:"),
                 TelnyxClient(api).firstPortingOrder()}};
    }
};

} // namespace

const ProviderCapabilities& capabilities() {
    static const Adapter adapter;
    static const ProviderCapabilities row = [] {
        ProviderCapabilities caps;
        caps.key = core::kProviderTelnyx;
        caps.displayName = u"Telnyx"_s;
        caps.defaultBaseUrl = u"https://api.telnyx.com/v2"_s;
        caps.secretFields = {{SecretSlot::Token, "apiKey",
                              QT_TRANSLATE_NOOP("ProviderSecret", "API key: must not be empty."),
                              QT_TRANSLATE_NOOP("ProfilesCommand", "API key: ")}};
        caps.noExtensionsReason = QT_TRANSLATE_NOOP(
            "ExtensionPermissions", "Telnyx has no extensions: profile “%1” only has phone numbers.");
        caps.porting = true;
        caps.adapter = &adapter;
        return caps;
    }();
    return row;
}

} // namespace trunkline::providers::telnyx
