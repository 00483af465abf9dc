#pragma once

#include <QEvent>

namespace trunkline::gui {

// Qt sends LanguageChange to every widget when the translator changes. A widget built from a Designer
// form then retranslates the form's texts first and after them, with `own`, the texts it sets in code
// (which the form's retranslateUi() would otherwise have reset). The caller still passes the event on
// to its base class.
template <typename Form, typename Widget, typename Own>
void retranslateOnLanguageChange(const QEvent* event, Form& form, Widget* widget, Own own) {
    if (event->type() != QEvent::LanguageChange)
        return;
    form.retranslateUi(widget);
    own();
}

} // namespace trunkline::gui
