#pragma once

#include "core/PortingOrder.h"
#include "providers/ProviderCapabilities.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::net {
struct ApiError;
}

namespace trunkline::cli {

class CliContext;

// `port --route E164 --range A-B (--activate a-b[,c-d…] | --activate-numbers FILE) …`: checks a German
// extended-number block with the porting rules (deriving the activation ranges from a list of wanted
// numbers if asked), then either prints the plan (--dry-run: what would be sent and every full number
// with its active flag; needs no profile) or places the order on --profile P: the draft with the route
// number only, the order details, the extension block, and with --submit the submission. Exit 3 on a
// broken rule (each on stderr with the offending value), before anything is sent.
// `port list|show|delete-extension` are PortOrdersCommand's.
class PortCommand {
    Q_DECLARE_TR_FUNCTIONS(PortCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // {"route_number", "range": {"start_at","end_at"}, "activation_ranges": [...], "numbers": [{"number",
    // "active"}...]}: the block as Telnyx takes it, with every number it ports.
    static QJsonObject planJson(const QString& route, const core::NumberRange& range,
                                const QList<core::NumberRange>& activation);
    // "--postal-code: …" reads better on a command line than the API's "/end_user/location/postal_code".
    static QString errorText(const net::ApiError& error);

private:
    static QString optionOf(const QString& field);
    static void printPlan(CliContext& context, const QJsonObject& plan);
    static int place(CliContext& context, const QString& profileSelector,
                     const providers::PortOrderRequest& request, bool submit, bool json);
};

} // namespace trunkline::cli
