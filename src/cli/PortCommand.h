#pragma once

#include "core/PortingOrder.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QStringList>

namespace trunkline::cli {

class CliContext;

// `port --dry-run --route E164 --range A-B (--activate a-b[,c-d…] | --activate-numbers FILE)
// [--format json]`: checks a German extended-number block with the porting rules, derives the activation
// ranges from a list of wanted numbers, and prints what would be sent and every full number with its
// active flag. Needs no profile. Exit 3 on a broken rule (each on stderr with the offending value).
class PortCommand {
    Q_DECLARE_TR_FUNCTIONS(PortCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

    // {"route_number", "range": {"start_at","end_at"}, "activation_ranges": [...], "numbers": [{"number",
    // "active"}...]}: the block as Telnyx takes it, with every number it ports.
    static QJsonObject planJson(const QString& route, const core::NumberRange& range,
                                const QList<core::NumberRange>& activation);
};

} // namespace trunkline::cli
