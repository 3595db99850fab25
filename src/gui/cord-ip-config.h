/* SPDX-License-Identifier: GPL-3.0-or-later */
/* CordIpConfig: the Desktop's IP Configuration app, a form for an end device's IPv4 settings (static or DHCP). */
#pragma once

#include <gtk/gtk.h>

#include "cord-document.h"

G_BEGIN_DECLS

#define CORD_TYPE_IP_CONFIG (cord_ip_config_get_type ())
G_DECLARE_FINAL_TYPE (CordIpConfig, cord_ip_config, CORD, IP_CONFIG, GtkBox)

/* The form for @device (an end device of @document). Settings are
 * checked as they are typed and applied, one undoable edit each, when a
 * field is left or Enter is pressed; the form follows changes made
 * elsewhere (ipconfig, undo). */
GtkWidget  *cord_ip_config_new        (CordDocument *document,
                                       CordDevice   *device);
/* The entries, by field: "address", "mask", "gateway" or "dns". */
GtkEntry   *cord_ip_config_get_entry  (CordIpConfig *self,
                                       const char   *field);
/* What is wrong with a field's text, or NULL when it is usable. */
const char *cord_ip_config_get_error  (CordIpConfig *self,
                                       const char   *field);
/* Chooses DHCP (which starts a request) or static settings. */
void        cord_ip_config_set_dhcp   (CordIpConfig *self,
                                       gboolean      dhcp);
/* The DHCP outcome line ("DHCP request successful.", …), or "". */
const char *cord_ip_config_get_status (CordIpConfig *self);
/* Stops following the device (it goes away). */
void        cord_ip_config_forget     (CordIpConfig *self);

G_END_DECLS
