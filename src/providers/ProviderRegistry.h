#pragma once

#include "providers/ProviderCapabilities.h"

#include <QList>
#include <QStringView>

namespace trunkline::providers {

// The provider table: one row per provider, in the order they are offered (filters, menus, help).
const QList<const ProviderCapabilities*>& allProviders();

// The row of a provider key (core::kProvider*); nullptr for an unknown key.
const ProviderCapabilities* findProvider(QStringView key);

// Whether the provider has extensions (false for an unknown key).
bool hasExtensions(QStringView key);

// The row's display name; an unknown key is shown as it is.
QString providerDisplayName(QStringView key);

} // namespace trunkline::providers
