#pragma once

#include "changes/StagingResult.h"
#include "cli/RecordEdits.h"
#include "store/Profile.h"

#include <QCoreApplication>
#include <QStringList>

namespace trunkline::store {
class Database;
}

namespace trunkline::cli {

class CliContext;

// `stage [--profile P] VERB KIND KEY [ID] --set FIELD=VALUE ...`: an edit staged as a pending change from a
// script, through the same staging library as the console's forms (changes::ChangeStager and the payload
// builders), checked by the same rules (core::ExtensionValidator, core::validateForwardingList). A field
// it does not know, or a value that breaks a rule, exits 3 naming the field and the rule; nothing is
// staged then. `pending apply` (or `sync`) sends what was staged.
class StageCommand {
    Q_DECLARE_TR_FUNCTIONS(StageCommand)

public:
    static int run(CliContext& context, const QStringList& arguments);

private:
    struct Edit {
        CliContext& context;
        store::Database& database;
        store::Profile profile;
        QString key;
        QString id;
        RecordEdits::Assignments assignments;
        bool json = false;
    };

    static int updateExtension(const Edit& edit);
    static int editForwarding(const Edit& edit, const QString& verb);
    static int updateNumber(const Edit& edit);

    // Prints each broken rule as "FIELD: message" and returns exit code 3; 0 when there are none.
    static int refuse(CliContext& context, const core::RuleViolations& violations);
    // Prints what the stager did (or its error) and returns the exit code.
    static int report(const Edit& edit, const changes::StagingResult& result);
};

} // namespace trunkline::cli
