package org.dropcart.group.application;

import org.dropcart.platform.domain.Page;

/** A group with a page of its files, in timestamp order. */
public record GroupDetail(GroupView group, Page<GroupFileView> files) {}
