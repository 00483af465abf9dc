#include "providers/ProviderCapabilities.h"

namespace trunkline::providers {

void PortOrderPlacement::placeDraft(const PortOrderRequest& request, Callback<core::PortingOrder> done) {
    // The draft is carried along so that an error in a later step still tells which order exists now.
    auto finish = [done](const core::PortingOrder& draft, const std::optional<net::ApiError>& error) {
        done({draft, error});
    };
    createDraft(request.routeE164, [this, request, done, finish](const Outcome<core::PortingOrder>& created) {
        if (!created.ok()) {
            done(created);
            return;
        }
        const core::PortingOrder draft = *created.value;
        findRouteNumber(draft.id, request.routeE164, [=, this](const Outcome<QString>& found) {
            if (!found.ok()) {
                finish(draft, found.error);
                return;
            }
            fillIn(draft.id, request, [=, this](const Outcome<core::PortingOrder>& filled) {
                if (!filled.ok()) {
                    finish(draft, filled.error);
                    return;
                }
                setExtension(draft.id, *found.value, request.extensionRange, request.activationRanges,
                             [filled, finish](const Outcome<QString>& attached) {
                                 finish(*filled.value, attached.error);
                             });
            });
        });
    });
}

} // namespace trunkline::providers
